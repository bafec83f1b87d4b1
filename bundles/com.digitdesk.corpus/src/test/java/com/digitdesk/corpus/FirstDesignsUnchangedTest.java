package com.digitdesk.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.digitdesk.api.template.FormTemplate;
import com.digitdesk.mnist.MnistCache;
import com.digitdesk.template.JsonTemplateCatalog;

/**
 * The first designs' corpus is the same, byte for byte, as the one the
 * generator wrote before it printed other designs: measurements made on it
 * stay comparable. The hashes were taken from that generator.
 */
class FirstDesignsUnchangedTest {

	/** SHA-256 of each file of a 7-page corpus of the first designs, seed 20261121. */
	static final Map<String, String> BEFORE = Map.ofEntries(
			Map.entry("form-00001.json", "294aaf14791c93ea52bb7d37ff6212834a11d9111146678434ea971a1638352d"),
			Map.entry("form-00001.pdf", "89e398ff805701b418561949f38d19298eabdcdc0c5ef726ee36c4cab8ddfccd"),
			Map.entry("form-00002.json", "0f4e4ac0a98a6223395adcfc75f2b87a80ad597133d2e978dbb8e3a93df6e0b2"),
			Map.entry("form-00002.pdf", "341bb112b42f1638e7162b16029787da4a4444691f05271b0e0cb30a3baaea75"),
			Map.entry("form-00003.json", "7d5fbadf43c221ff32882342918e3a0e0e76daef93484c3cf89aefda2235feb3"),
			Map.entry("form-00003.pdf", "c1bef3a84299353237f1b76bb030c56e5472c4965001378e91fecfb5f797811d"),
			Map.entry("form-00004.json", "a55c5d6d21e8299944bb4813c647ec57a7951486af62cea32f1c14f0960b8a37"),
			Map.entry("form-00004.pdf", "18199a1e526e9d3d3befc95c0c8caa24be2f3ecdc160e10874689f57e7eb1bd2"),
			Map.entry("form-00005.json", "0d3052a2ca42c20195679137ce8c50d9361f6a6cd2432d363addb473b2761c3a"),
			Map.entry("form-00005.pdf", "597230a9e34f8ef23b72dcee781389373ac4e1db28c3913e2ac89f7203557b0c"),
			Map.entry("form-00006.json", "b6ffee78a541b5d3180b71361e4a31988d9b863a6c521335a75af8dfc144595d"),
			Map.entry("form-00006.pdf", "427564fc35a6e31aad78fffb393c11c67a8ef95b3f7e7c138c17b899b57119be"));

	@TempDir
	Path dir;

	@Test
	void theFirstDesignsCorpusIsByteIdenticalToTheOneWrittenBefore() throws Exception {
		JsonTemplateCatalog catalog = new JsonTemplateCatalog(Path.of("no-such-dir"));
		List<FormTemplate> first = List.of(catalog.template("f1040-p1").orElseThrow(),
				catalog.template("w2").orElseThrow());
		new CorpusGenerator(first, new DigitPicker(MnistCache.atDefaultLocation().test()), 2).generate(dir, 7,
				20261121L, null);
		assertThat(hashes(dir)).isEqualTo(BEFORE);
	}

	static Map<String, String> hashes(Path dir) throws Exception {
		Map<String, String> hashes = new LinkedHashMap<>();
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.sorted().toList()) {
				hashes.put(file.getFileName().toString(),
						HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
			}
		}
		return hashes;
	}
}
