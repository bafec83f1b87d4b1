package com.digitdesk.corpus.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.Adler32;
import java.util.zip.InflaterInputStream;

import org.junit.jupiter.api.Test;

class RepeatedDeflateTest {

	@Test
	void inflatesToThePatternRepeatedWithAValidChecksum() throws Exception {
		byte[] pattern = "0 0 612 792 re f\n".getBytes(StandardCharsets.US_ASCII);
		long times = 200_003; // over three blocks and a rest
		byte[] deflated = RepeatedDeflate.repeated(pattern, times);
		byte[] inflated;
		// InflaterInputStream checks the Adler-32 at the end of the data.
		try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(deflated))) {
			inflated = in.readAllBytes();
		}
		assertThat(inflated).hasSize(Math.toIntExact(pattern.length * times));
		for (int i = 0; i < inflated.length; i++) {
			if (inflated[i] != pattern[i % pattern.length]) {
				throw new AssertionError("byte " + i + " is " + inflated[i] + ", not " + pattern[i % pattern.length]);
			}
		}
		assertThat(deflated.length).isLessThan(inflated.length / 300);
	}

	@Test
	void closedFormChecksumIsAdler32() {
		Random random = new Random(5);
		for (int run = 0; run < 20; run++) {
			byte[] pattern = new byte[1 + random.nextInt(40)];
			random.nextBytes(pattern);
			int times = random.nextInt(20_000);
			Adler32 adler = new Adler32();
			for (int i = 0; i < times; i++) {
				adler.update(pattern);
			}
			assertThat(RepeatedDeflate.adler32(pattern, times)).as("run %d", run).isEqualTo(adler.getValue());
		}
	}

	@Test
	void gigabytesTakeMegabytes() {
		assertThat(RepeatedDeflate.of((byte) 0, 4L << 30).length).isBetween(1 << 20, 10 << 20);
	}
}
