package com.digitdesk.itest;

import java.util.function.BooleanSupplier;

/** Waiting for what the framework does on its own threads: a configuration reaching a component, a service going. */
final class Await {

	private static final long MILLIS = 10_000;

	private Await() {
	}

	/** True once {@code condition} holds, false if it still does not after ten seconds. */
	static boolean until(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.currentTimeMillis() + MILLIS;
		while (System.currentTimeMillis() < deadline) {
			if (condition.getAsBoolean()) {
				return true;
			}
			Thread.sleep(20);
		}
		return condition.getAsBoolean();
	}
}
