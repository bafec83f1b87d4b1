package com.digitdesk.http;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * The ink of one uploaded picture of a digit: decoded only after its header has shown a size within the
 * limit (an image bomb declares billions of pixels in a few bytes), any size and either polarity (dark on
 * light or light on dark, transparency as background), as the normalizer wants it: 0 none, 255 full.
 */
record ImageInk(int width, int height, byte[] ink) {

	private static final int SMALL_PIXELS = 1 << 20;

	/** The formats the API reads, by media type. */
	enum Format {
		PNG("image/png", "png"), JPEG("image/jpeg", "jpeg"), BMP("image/bmp", "bmp");

		final String mediaType;
		private final String formatName;
		private ImageReaderSpi provider;

		Format(String mediaType, String formatName) {
			this.mediaType = mediaType;
			this.formatName = formatName;
		}

		/** The JDK's reader of this format, looked up once (the look-up walks ImageIO's whole registry). */
		synchronized ImageReaderSpi reader() throws ApiError {
			if (provider == null) {
				Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(formatName);
				if (!readers.hasNext()) {
					throw ApiError.unsupported("this server cannot read " + mediaType);
				}
				provider = readers.next().getOriginatingProvider();
			}
			return provider;
		}

		static Format ofMediaType(String type) throws ApiError {
			for (Format format : values()) {
				if (format.mediaType.equals(type) || (format == BMP && type.equals("image/x-ms-bmp"))
						|| (format == JPEG && type.equals("image/jpg"))) {
					return format;
				}
			}
			throw ApiError.unsupported((type.isEmpty() ? "a request without a Content-Type" : "Content-Type " + type)
					+ " is not an image this API reads: send image/png, image/jpeg or image/bmp");
		}

		/** The format the bytes begin like, for images that come without a media type (base64 in JSON). */
		static Format sniff(byte[] bytes, String what) throws ApiError {
			if (bytes.length >= 8 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
				return PNG;
			}
			if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
				return JPEG;
			}
			if (bytes.length >= 2 && bytes[0] == 'B' && bytes[1] == 'M') {
				return BMP;
			}
			throw ApiError.unsupported(what + " is no PNG, JPEG or BMP image");
		}
	}

	/**
	 * Decodes an image whose header declares at most {@code maxPixels} pixels, a large one only while
	 * {@code pixelsInFlight} has room for its pixels (waiting 5 s at most).
	 *
	 * @throws ApiError 415 for what is no image of that format or is damaged, 413 for one too large, 503 when
	 *         other large images take the room
	 */
	static ImageInk decode(byte[] bytes, Format format, int maxPixels, Semaphore pixelsInFlight, String what)
			throws ApiError {
		ImageReader reader;
		try {
			reader = format.reader().createReaderInstance();
		} catch (IOException e) {
			throw ApiError.unsupported("this server cannot read " + format.mediaType + ": " + e.getMessage());
		}
		// in memory: ImageIO's default stream would cache the bytes in a temporary file
		try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
			reader.setInput(input, true, true);
			// a reader that only warns (a JPEG cut short reads as half a picture) is refused like one that fails
			String[] warning = new String[1];
			reader.addIIOReadWarningListener((source, message) -> warning[0] = message);
			int width = reader.getWidth(0);
			int height = reader.getHeight(0);
			if (width < 1 || height < 1) {
				throw ApiError.unsupported(what + " declares " + width + " x " + height + " pixels");
			}
			if ((long) width * height > maxPixels) {
				throw ApiError.tooLarge(what + " of " + width + " x " + height + " pixels is larger than the "
						+ maxPixels + " pixels accepted");
			}
			// pictures of a digit are small; only large ones count against the pixels being decoded at once
			int counted = width * height > SMALL_PIXELS ? width * height : 0;
			if (!pixelsInFlight.tryAcquire(counted, 5, TimeUnit.SECONDS)) {
				throw ApiError.busy("too many large images are being decoded; try again shortly");
			}
			try {
				BufferedImage image = reader.read(0);
				if (warning[0] != null) {
					throw ApiError.unsupported(what + " is damaged: " + warning[0]);
				}
				return new ImageInk(width, height, ink(image));
			} finally {
				pixelsInFlight.release(counted);
			}
		} catch (IOException | RuntimeException e) {
			// ImageIO's decoders report damage as IIOException and, for some damage, as runtime exceptions
			throw ApiError.unsupported(what + " is not a readable " + format.name() + " image: " + reason(e));
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw ApiError.busy("the server is stopping");
		} catch (OutOfMemoryError e) {
			throw ApiError.tooLarge(what + " is too large to decode in this server's memory");
		} finally {
			reader.dispose();
		}
	}

	/** Ink as the normalizer wants it (255 full): dark strokes on light ground, or light on dark. */
	private static byte[] ink(BufferedImage image) {
		int width = image.getWidth();
		int height = image.getHeight();
		int[] row = new int[width];
		byte[] gray = new byte[width * height];
		long sum = 0;
		for (int y = 0; y < height; y++) {
			image.getRGB(0, y, width, 1, row, 0, width);
			for (int x = 0; x < width; x++) {
				int argb = row[x];
				int alpha = argb >>> 24;
				int luminance = (((argb >> 16) & 0xFF) * 299 + ((argb >> 8) & 0xFF) * 587 + (argb & 0xFF) * 114) / 1000;
				// transparent parts are ground: composed onto white
				int g = (luminance * alpha + 255 * (255 - alpha)) / 255;
				gray[y * width + x] = (byte) g;
				sum += g;
			}
		}
		boolean darkGround = sum / Math.max(1, gray.length) < 128;
		if (!darkGround) {
			for (int i = 0; i < gray.length; i++) {
				gray[i] = (byte) (255 - (gray[i] & 0xFF));
			}
		}
		return gray;
	}

	/**
	 * The decoder's own words, or the exception's name where it has none or merely repeats a wrapped
	 * exception (a message that starts with a class name such as {@code java.io.EOFException}).
	 */
	private static String reason(Exception e) {
		String message = e.getMessage();
		boolean saysSomething = message != null && !message.isBlank()
				&& !message.toLowerCase(Locale.ROOT).startsWith("java");
		return saysSomething ? message : e.getClass().getSimpleName();
	}
}
