package com.digitdesk.render;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;

import com.digitdesk.api.image.GrayImage;

/** Converts whatever PDFBox decodes (1-bit, 8-bit gray, RGB) into a {@link GrayImage}. */
final class GrayRasters {

	private GrayRasters() {
	}

	static GrayImage toGray(BufferedImage image) {
		int width = image.getWidth();
		int height = image.getHeight();
		Raster raster = image.getRaster();
		byte[] gray = new byte[width * height];
		ColorModel colors = image.getColorModel();
		if (raster.getNumBands() == 1 && raster.getSampleModel().getDataType() == DataBuffer.TYPE_BYTE) {
			int bits = raster.getSampleModel().getSampleSize(0);
			int[] row = new int[width];
			// Sample values through the colour model, so that a 1-bit "0 = white" image comes out right.
			int[] lookup = new int[1 << bits];
			for (int v = 0; v < lookup.length; v++) {
				lookup[v] = bits == 8 && image.getType() == BufferedImage.TYPE_BYTE_GRAY ? v : colors.getRed(v);
			}
			for (int y = 0; y < height; y++) {
				raster.getSamples(0, y, width, 1, 0, row);
				int offset = y * width;
				for (int x = 0; x < width; x++) {
					gray[offset + x] = (byte) lookup[row[x]];
				}
			}
		} else {
			int[] rgb = new int[width];
			for (int y = 0; y < height; y++) {
				image.getRGB(0, y, width, 1, rgb, 0, width);
				int offset = y * width;
				for (int x = 0; x < width; x++) {
					int p = rgb[x];
					int luma = (299 * ((p >> 16) & 0xFF) + 587 * ((p >> 8) & 0xFF) + 114 * (p & 0xFF)) / 1000;
					gray[offset + x] = (byte) luma;
				}
			}
		}
		return new GrayImage(width, height, gray);
	}
}
