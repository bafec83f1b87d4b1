package com.digitdesk.tesseract;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.digitdesk.api.recognition.RecognitionException;

/**
 * The Tesseract engines of one recognizer. A caller borrows an engine for
 * itself and gives it back, so no engine is ever used by two threads at once;
 * there are as many engines as threads that recognized at the same time.
 *
 * <p>After {@link #close()}, idle engines are freed at once and busy ones as
 * soon as they come back, never while a thread is still using one.
 */
final class EnginePool implements AutoCloseable {

	/** Makes a new engine. */
	interface Opener {
		TesseractEngine open() throws RecognitionException;
	}

	private final Opener opener;
	private final Deque<TesseractEngine> idle = new ArrayDeque<>();
	private boolean closed;

	EnginePool(Opener opener) {
		this.opener = opener;
	}

	TesseractEngine borrow() throws RecognitionException {
		synchronized (this) {
			if (closed) {
				throw new RecognitionException("the Tesseract recognizer has been stopped", null);
			}
			TesseractEngine engine = idle.pollFirst();
			if (engine != null) {
				return engine;
			}
		}
		// Outside the lock: loading a model takes a while and others may go on.
		return opener.open();
	}

	void giveBack(TesseractEngine engine) {
		synchronized (this) {
			if (!closed) {
				idle.addFirst(engine);
				return;
			}
		}
		engine.close();
	}

	/** Engines waiting to be borrowed. */
	synchronized int idleCount() {
		return idle.size();
	}

	@Override
	public void close() {
		List<TesseractEngine> engines;
		synchronized (this) {
			closed = true;
			engines = new ArrayList<>(idle);
			idle.clear();
		}
		engines.forEach(TesseractEngine::close);
	}
}
