package com.digitdesk.render;

import java.nio.file.Path;

import com.digitdesk.api.render.DocumentException;
import com.digitdesk.api.render.PdfDocument;
import com.digitdesk.api.render.RenderedPage;

/** A PDF file opened in a render worker; its pages come from there. */
final class WorkerDocument implements PdfDocument {

	private final Path file;
	private final int pageCount;
	private final RenderWorkerProcess worker;
	private final RenderWorkerPool pool;
	private boolean closed;

	WorkerDocument(Path file, int pageCount, RenderWorkerProcess worker, RenderWorkerPool pool) {
		this.file = file;
		this.pageCount = pageCount;
		this.worker = worker;
		this.pool = pool;
	}

	@Override
	public Path file() {
		return file;
	}

	@Override
	public int pageCount() {
		return pageCount;
	}

	@Override
	public RenderedPage render(int pageIndex, int dpi) throws DocumentException {
		return page(WorkerProtocol.RENDER, pageIndex, dpi);
	}

	@Override
	public RenderedPage scan(int pageIndex, int fallbackDpi) throws DocumentException {
		return page(WorkerProtocol.SCAN, pageIndex, fallbackDpi);
	}

	private RenderedPage page(byte request, int pageIndex, int dpi) throws DocumentException {
		if (closed) {
			throw new IllegalStateException(file + " is closed");
		}
		return worker.call(file, pageIndex, "reading it", out -> {
			out.writeByte(request);
			out.writeInt(pageIndex);
			out.writeInt(dpi);
		}, in -> WorkerProtocol.readPage(in, file));
	}

	@Override
	public void close() throws DocumentException {
		if (closed) {
			return;
		}
		closed = true;
		try {
			if (worker.usable()) {
				worker.call(file, -1, "closing it", out -> out.writeByte(WorkerProtocol.CLOSE), in -> null);
			}
		} finally {
			pool.give(worker);
		}
	}
}
