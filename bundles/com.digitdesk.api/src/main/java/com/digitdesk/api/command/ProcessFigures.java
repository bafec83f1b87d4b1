package com.digitdesk.api.command;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Figures about this process that benchmark commands report. */
public final class ProcessFigures {

	private ProcessFigures() {
	}

	/** The process's peak resident set (VmHWM) in megabytes, from /proc; -1 where there is no /proc. */
	public static double peakRssMegabytes() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
				}
			}
		} catch (IOException | NumberFormatException e) {
			// not Linux: no figure
		}
		return -1;
	}
}
