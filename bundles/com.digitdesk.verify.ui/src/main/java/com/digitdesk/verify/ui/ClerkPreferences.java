package com.digitdesk.verify.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * A clerk's window as they left it: font size, contrast, the keys of its
 * commands, the split between the page and the field. Kept per clerk in the data directory
 * ({@code clerks/NAME.properties}), written whole or not at all.
 */
final class ClerkPreferences {

	/** A command's keys are kept as "key.COMMAND=Ctrl+J F9". */
	private static final String KEY = "key.";

	private final Path file;
	private final Properties values = new Properties();

	private ClerkPreferences(Path file) {
		this.file = file;
	}

	static ClerkPreferences load(Path dataDirectory, String clerk) {
		String safe = clerk.replaceAll("[^A-Za-z0-9._-]", "_");
		ClerkPreferences preferences = new ClerkPreferences(dataDirectory.resolve("clerks").resolve(safe + ".properties"));
		if (Files.isRegularFile(preferences.file)) {
			try (InputStream in = Files.newInputStream(preferences.file)) {
				preferences.values.load(in);
			} catch (IOException | IllegalArgumentException e) {
				// a damaged file: the defaults, written anew on close
				preferences.values.clear();
			}
		}
		return preferences;
	}

	static final int SMALLEST_FONT = 8;
	static final int LARGEST_FONT = 32;

	int fontSize() {
		return Math.max(SMALLEST_FONT, Math.min(LARGEST_FONT, integer("fontSize", 12)));
	}

	void fontSize(int points) {
		values.setProperty("fontSize", Integer.toString(points));
	}

	boolean highContrast() {
		return Boolean.parseBoolean(values.getProperty("highContrast", "false"));
	}

	void highContrast(boolean on) {
		values.setProperty("highContrast", Boolean.toString(on));
	}

	/** The keys of the window's commands: the documented ones, with the clerk's choices over them. */
	KeyBindings keyBindings() {
		Map<KeyBindings.Command, String> chosen = new EnumMap<>(KeyBindings.Command.class);
		for (KeyBindings.Command command : KeyBindings.Command.values()) {
			String text = values.getProperty(KEY + command.name());
			if (text != null) {
				chosen.put(command, text);
			}
		}
		return KeyBindings.of(chosen);
	}

	void keyBindings(KeyBindings bindings) {
		values.stringPropertyNames().stream().filter(name -> name.startsWith(KEY)).forEach(values::remove);
		bindings.chosen().forEach((command, text) -> values.setProperty(KEY + command.name(), text));
	}

	/** The share of the window's width the page takes, and the field; and the share of the height above the bottom views. */
	int[] weights(String name, int... defaults) {
		String text = values.getProperty("weights." + name);
		if (text != null) {
			try {
				int[] weights = Arrays.stream(text.split(",")).mapToInt(Integer::parseInt).toArray();
				if (weights.length == defaults.length && Arrays.stream(weights).allMatch(w -> w > 0)) {
					return weights;
				}
			} catch (NumberFormatException e) {
				// the defaults
			}
		}
		return defaults;
	}

	void keepWeights(String name, int[] weights) {
		values.setProperty("weights." + name, String.join(",", Arrays.stream(weights).mapToObj(Integer::toString)
				.toList()));
	}

	private int integer(String key, int fallback) {
		try {
			return Integer.parseInt(values.getProperty(key, Integer.toString(fallback)));
		} catch (NumberFormatException e) {
			return fallback;
		}
	}

	/** Writes the preferences beside their file and moves them over it in one step. */
	void save() throws IOException {
		Files.createDirectories(file.getParent());
		Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
		try {
			try (OutputStream out = Files.newOutputStream(temporary)) {
				values.store(out, "DigitDesk verification window");
			}
			try {
				Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
			}
		} finally {
			Files.deleteIfExists(temporary);
		}
	}
}
