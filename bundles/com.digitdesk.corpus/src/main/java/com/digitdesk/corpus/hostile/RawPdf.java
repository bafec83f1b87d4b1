package com.digitdesk.corpus.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a PDF object by object, as text, with a correct cross-reference
 * table. PDFBox's own writer walks and repairs the structures these files
 * need (page trees that loop, objects that refer to themselves), so the
 * hostile files are written by hand.
 */
final class RawPdf {

	private final List<byte[]> objects = new ArrayList<>();

	/** Reserves an object number, to refer to it before its body is known. */
	int reserve() {
		objects.add(null);
		return objects.size();
	}

	/** Adds an object; returns its number. */
	int add(String body) {
		int number = reserve();
		set(number, body);
		return number;
	}

	/** Adds a stream object: {@code dictionary} without its /Length, which is added. */
	int addStream(String dictionary, byte[] data) {
		int number = reserve();
		setStream(number, dictionary, data);
		return number;
	}

	void set(int number, String body) {
		objects.set(number - 1, body.getBytes(StandardCharsets.ISO_8859_1));
	}

	void setStream(int number, String dictionary, byte[] data) {
		String inner = dictionary.strip();
		if (!inner.startsWith("<<") || !inner.endsWith(">>")) {
			throw new IllegalArgumentException("not a dictionary: " + dictionary);
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream(data.length + 200);
		body.writeBytes((inner.substring(0, inner.length() - 2) + " /Length " + data.length + " >>\nstream\n")
				.getBytes(StandardCharsets.ISO_8859_1));
		body.writeBytes(data);
		body.writeBytes("\nendstream".getBytes(StandardCharsets.ISO_8859_1));
		objects.set(number - 1, body.toByteArray());
	}

	/** The whole file, with {@code root} as its catalog. */
	byte[] bytes(int root) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ascii(out, "%PDF-1.7\n");
		// A binary comment line, so that transfer programs treat the file as binary.
		out.writeBytes(new byte[] { '%', (byte) 0xE2, (byte) 0xE3, (byte) 0xCF, (byte) 0xD3, '\n' });
		long[] offsets = new long[objects.size()];
		for (int i = 0; i < objects.size(); i++) {
			if (objects.get(i) == null) {
				throw new IllegalStateException("object " + (i + 1) + " was reserved but never written");
			}
			offsets[i] = out.size();
			ascii(out, (i + 1) + " 0 obj\n");
			out.writeBytes(objects.get(i));
			ascii(out, "\nendobj\n");
		}
		long xref = out.size();
		StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
		for (long offset : offsets) {
			table.append(String.format("%010d 00000 n \n", offset));
		}
		table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root ").append(root)
				.append(" 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
		ascii(out, table.toString());
		return out.toByteArray();
	}

	void write(Path file, int root) throws IOException {
		Files.write(file, bytes(root));
	}

	private static void ascii(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
	}
}
