package com.digitdesk.render;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;

import com.digitdesk.api.image.GrayImage;
import com.digitdesk.api.render.DocumentException;
import com.digitdesk.api.render.RenderedPage;
import com.digitdesk.api.render.RenderedPage.RenderMethod;

/**
 * What a {@link RenderWorkerMain} and its {@link RenderWorkerProcess} say to
 * each other over the worker's standard input and output: one request, one
 * reply. A reply starts with {@link #OK} and the result, or {@link #FAILED},
 * the 0-based page at fault (-1: the file) and the problem.
 */
final class WorkerProtocol {

	/** Request: the file's path; reply: its page count. */
	static final byte OPEN = 1;
	/** Request: page index and fallback dpi; reply: the page (see {@link PdfBoxDocument#scan}). */
	static final byte SCAN = 2;
	/** Request: page index and dpi; reply: the rendered page. */
	static final byte RENDER = 3;
	/** Request: nothing; reply: nothing but OK. */
	static final byte CLOSE = 4;

	static final byte OK = 0;
	static final byte FAILED = 1;

	/** Problems are cut to this length: some exception messages quote whole streams. */
	private static final int MAX_PROBLEM = 2000;

	private WorkerProtocol() {
	}

	static void writePage(DataOutputStream out, RenderedPage page) throws IOException {
		out.writeByte(OK);
		out.writeInt(page.pageIndex());
		out.writeInt(page.dpi());
		out.writeDouble(page.widthPoints());
		out.writeDouble(page.heightPoints());
		out.writeByte(page.method().ordinal());
		GrayImage image = page.image();
		out.writeInt(image.width());
		out.writeInt(image.height());
		out.write(image.pixels());
	}

	/** Reads a page written by {@link #writePage}, after its {@link #OK}. */
	static RenderedPage readPage(DataInputStream in, Path file) throws IOException {
		int pageIndex = in.readInt();
		int dpi = in.readInt();
		double width = in.readDouble();
		double height = in.readDouble();
		RenderMethod method = RenderMethod.values()[in.readByte()];
		int pixelWidth = in.readInt();
		int pixelHeight = in.readInt();
		byte[] pixels = new byte[Math.multiplyExact(pixelWidth, pixelHeight)];
		in.readFully(pixels);
		return new RenderedPage(file, pageIndex, dpi, width, height, new GrayImage(pixelWidth, pixelHeight, pixels),
				method);
	}

	/** A failure as the parent reads it. */
	record Failure(DocumentException exception, boolean workerEnds) {
	}

	static void writeFailure(DataOutputStream out, int pageIndex, String problem, boolean workerEnds)
			throws IOException {
		out.writeByte(FAILED);
		out.writeInt(pageIndex);
		out.writeBoolean(workerEnds);
		out.writeUTF(problem.length() > MAX_PROBLEM ? problem.substring(0, MAX_PROBLEM) + "..." : problem);
	}

	/** Reads a failure written by {@link #writeFailure}, after its {@link #FAILED}. */
	static Failure readFailure(DataInputStream in, Path file) throws IOException {
		int pageIndex = in.readInt();
		boolean workerEnds = in.readBoolean();
		String problem = in.readUTF();
		return new Failure(pageIndex < 0 ? new DocumentException(file, problem, null)
				: new DocumentException(file, pageIndex, problem, null), workerEnds);
	}

	/** What a document exception says, without the file and page it names in front. */
	static String problem(DocumentException e, Path file) {
		String message = e.getMessage();
		String prefix = e.pageIndex().isPresent() ? file + ", page " + (e.pageIndex().getAsInt() + 1) + ": "
				: file + ": ";
		return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
	}
}
