package com.digitdesk.render;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.digitdesk.api.render.DocumentException;
import com.digitdesk.api.render.PdfDocument;

/**
 * A render worker: a Java process of its own that opens one PDF file at a
 * time with {@link PdfBoxRenderer} and renders its pages on request (see
 * {@link WorkerProtocol}). Whatever a file does to it (a stack overflow, an
 * exhausted heap) is answered as that file's failure; after an error the
 * worker ends, and its parent starts a fresh one for the next file.
 *
 * <p>Arguments: the largest raster in pixels, and whether decoded streams go
 * to temporary files.
 */
public final class RenderWorkerMain {

	/** Released when the heap runs out, so that the failure can still be told. */
	private static byte[] reserve = new byte[1 << 20];

	private RenderWorkerMain() {
	}

	public static void main(String[] args) throws IOException {
		DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
		DataOutputStream out = new DataOutputStream(
				new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
		// Standard output carries replies only: whatever a library prints goes to standard error.
		System.setOut(System.err);
		endWithParent();
		PdfBoxRenderer renderer = new PdfBoxRenderer(
				new RenderLimits(Long.parseLong(args[0]), Boolean.parseBoolean(args[1])));
		PdfDocument document = null;
		Path file = null;
		while (true) {
			byte request;
			try {
				request = in.readByte();
			} catch (EOFException e) {
				return; // the parent closed the pipe: done
			}
			int pageIndex = -1;
			try {
				switch (request) {
				case WorkerProtocol.OPEN -> {
					file = Path.of(in.readUTF());
					document = renderer.open(file);
					out.writeByte(WorkerProtocol.OK);
					out.writeInt(document.pageCount());
				}
				case WorkerProtocol.SCAN, WorkerProtocol.RENDER -> {
					pageIndex = in.readInt();
					int dpi = in.readInt();
					if (document == null) {
						throw new IllegalStateException("no file is open");
					}
					WorkerProtocol.writePage(out,
							request == WorkerProtocol.SCAN ? document.scan(pageIndex, dpi)
									: document.render(pageIndex, dpi));
				}
				case WorkerProtocol.CLOSE -> {
					PdfDocument closing = document;
					document = null;
					if (closing != null) {
						closing.close();
					}
					out.writeByte(WorkerProtocol.OK);
				}
				default -> throw new IllegalStateException("unknown request " + request);
				}
				out.flush();
			} catch (DocumentException e) {
				WorkerProtocol.writeFailure(out, e.pageIndex().orElse(-1), WorkerProtocol.problem(e, file), false);
				out.flush();
			} catch (StackOverflowError e) {
				fail(out, pageIndex, "cannot be read: " + Causes.STACK);
			} catch (OutOfMemoryError e) {
				reserve = null;
				fail(out, pageIndex, "cannot be read: " + Causes.memory(e));
			} catch (RuntimeException | Error e) {
				// A defect met on one odd file; the reason says what it was.
				fail(out, pageIndex, "cannot be read: " + Causes.of(e));
			}
		}
	}

	/** Tells the failure and ends the worker: after an error its state is not to be trusted. */
	private static void fail(DataOutputStream out, int pageIndex, String problem) {
		try {
			WorkerProtocol.writeFailure(out, pageIndex, problem, true);
			out.flush();
		} catch (IOException | RuntimeException | Error e) {
			// the parent sees the worker end without a reply and says so
		}
		Runtime.getRuntime().halt(3);
	}

	/** A worker whose importer died (kill -9 has no shutdown hooks) ends too, even in the middle of a page. */
	private static void endWithParent() {
		ProcessHandle.current().parent().ifPresent(parent -> {
			Thread watch = new Thread(() -> {
				while (parent.isAlive()) {
					try {
						TimeUnit.SECONDS.sleep(1);
					} catch (InterruptedException e) {
						return;
					}
				}
				Runtime.getRuntime().halt(4);
			}, "parent-watch");
			watch.setDaemon(true);
			watch.start();
		});
	}
}
