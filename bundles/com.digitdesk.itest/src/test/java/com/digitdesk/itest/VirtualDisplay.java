package com.digitdesk.itest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * An X server of the test's own (Xvfb), and this process pointed at it: GTK
 * opens the display that {@code DISPLAY} names when SWT makes its first
 * Display, so the variable is set in the process's own environment (libc's
 * setenv; Java cannot change it).
 */
final class VirtualDisplay implements AutoCloseable {

	private interface C extends Library {
		int setenv(String name, String value, int overwrite);

		int unsetenv(String name);
	}

	private final Process server;
	final String name;

	private VirtualDisplay(Process server, String name) {
		this.server = server;
		this.name = name;
	}

	/** Starts Xvfb on the first free display from :91 on and waits until it listens. */
	static VirtualDisplay start() throws IOException, InterruptedException {
		for (int number = 91; number < 120; number++) {
			Path socket = Path.of("/tmp/.X11-unix/X" + number);
			if (Files.exists(socket) || Files.exists(Path.of("/tmp/.X" + number + "-lock"))) {
				continue;
			}
			Process server = new ProcessBuilder("Xvfb", ":" + number, "-screen", "0", "1600x1000x24", "-nolisten",
					"tcp").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
			long deadline = System.currentTimeMillis() + 10_000;
			while (!Files.exists(socket) && server.isAlive() && System.currentTimeMillis() < deadline) {
				Thread.sleep(50);
			}
			if (Files.exists(socket) && server.isAlive()) {
				String name = ":" + number;
				Native.load("c", C.class).setenv("DISPLAY", name, 1);
				return new VirtualDisplay(server, name);
			}
			server.destroyForcibly();
		}
		throw new IOException("no free X display from :91 to :119 for Xvfb");
	}

	@Override
	public void close() throws InterruptedException {
		// nothing after the test is pointed at a display that is gone
		Native.load("c", C.class).unsetenv("DISPLAY");
		server.destroy();
		if (!server.waitFor(5, TimeUnit.SECONDS)) {
			server.destroyForcibly();
		}
	}
}
