package com.digitdesk.render;

/**
 * What went wrong in PDFBox, said for an operator: PDFBox wraps errors that
 * are not exceptions (a stack overflow in a self-drawing pattern, say) in
 * runtime exceptions whose message is just the error's class name.
 */
final class Causes {

	static final String STACK = "its content nests too deeply (the PDF reader overflowed its stack)";

	private Causes() {
	}

	static String of(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof StackOverflowError) {
				return STACK;
			}
			if (cause instanceof OutOfMemoryError) {
				return memory(cause);
			}
		}
		return failure.getMessage() != null ? failure.getMessage() : failure.toString();
	}

	static String memory(Throwable error) {
		return "it needs more memory than the reader's " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB heap ("
				+ error.getMessage() + ")";
	}
}
