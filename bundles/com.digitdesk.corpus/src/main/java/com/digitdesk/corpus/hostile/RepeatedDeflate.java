package com.digitdesk.corpus.hostile;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.zip.Deflater;

/**
 * zlib data (what /FlateDecode reads) of one byte value repeated, or of a
 * short pattern repeated, without deflating every repetition: a block
 * deflated with a full flush depends on nothing before it, so its bytes can
 * be copied as often as needed. Gigabytes are written in milliseconds, at
 * about a thousand to one.
 */
final class RepeatedDeflate {

	/** Uncompressed size of one copied block. */
	private static final int BLOCK = 1 << 20;
	private static final int ADLER_BASE = 65521;

	private RepeatedDeflate() {
	}

	/** {@code count} times the byte {@code value}. */
	static byte[] of(byte value, long count) {
		return repeated(new byte[] { value }, count);
	}

	/** {@code pattern} repeated {@code times} times. */
	static byte[] repeated(byte[] pattern, long times) {
		if (pattern.length == 0 || pattern.length > BLOCK || times < 0) {
			throw new IllegalArgumentException("pattern of " + pattern.length + " bytes, " + times + " times");
		}
		long perBlock = BLOCK / pattern.length;
		byte[] block = tile(pattern, perBlock);
		byte[] blockDeflated = deflateFlushed(block);
		long blocks = times / perBlock;
		byte[] rest = deflateFlushed(tile(pattern, times % perBlock));
		ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 64,
				blocks * blockDeflated.length + rest.length + 16));
		out.write(0x78); // zlib header: deflate, 32K window,
		out.write(0xDA); // best compression, check bits
		for (long i = 0; i < blocks; i++) {
			out.writeBytes(blockDeflated);
		}
		out.writeBytes(rest);
		out.writeBytes(new byte[] { 3, 0 }); // an empty final block
		long adler = adler32(pattern, times);
		out.write((int) (adler >>> 24));
		out.write((int) (adler >>> 16));
		out.write((int) (adler >>> 8));
		out.write((int) adler);
		return out.toByteArray();
	}

	private static byte[] tile(byte[] pattern, long times) {
		byte[] tiled = new byte[Math.toIntExact(pattern.length * times)];
		for (int i = 0; i < tiled.length; i += pattern.length) {
			System.arraycopy(pattern, 0, tiled, i, pattern.length);
		}
		return tiled;
	}

	/** Raw deflate data of {@code data}, ending in a full flush (byte-aligned, no history kept). */
	private static byte[] deflateFlushed(byte[] data) {
		if (data.length == 0) {
			return new byte[0];
		}
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
		try {
			deflater.setInput(data);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[64 * 1024];
			int n;
			do {
				n = deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
				out.write(buffer, 0, n);
			} while (n == buffer.length || !deflater.needsInput());
			return out.toByteArray();
		} finally {
			deflater.end();
		}
	}

	/**
	 * Adler-32 of {@code pattern} repeated {@code times} times, in closed
	 * form: A = 1 + sum of bytes, B = sum over every position of A there.
	 */
	static long adler32(byte[] pattern, long times) {
		BigInteger n = BigInteger.valueOf(times);
		BigInteger len = BigInteger.valueOf(pattern.length);
		BigInteger total = n.multiply(len);
		long sum = 0; // of the pattern's bytes
		long inner = 0; // over the pattern's positions, of the bytes up to and including that position
		for (byte b : pattern) {
			sum += b & 0xFF;
			inner += sum;
		}
		BigInteger bigSum = BigInteger.valueOf(sum);
		BigInteger a = BigInteger.ONE.add(n.multiply(bigSum));
		// B = total (the initial 1 at every byte) + sum over copies k of (k * sum * len + inner)
		BigInteger copies = n.multiply(n.subtract(BigInteger.ONE)).shiftRight(1);
		BigInteger b = total.add(copies.multiply(bigSum).multiply(len)).add(n.multiply(BigInteger.valueOf(inner)));
		BigInteger base = BigInteger.valueOf(ADLER_BASE);
		return b.mod(base).longValue() << 16 | a.mod(base).longValue();
	}
}
