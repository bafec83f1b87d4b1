package com.digitdesk.verify.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.swt.SWT;

/**
 * Which keys do what in a clerk's window. Every command of the window has
 * the keys the key table documents; a clerk may give a command other keys,
 * kept with their preferences as text ("Ctrl+Shift+O", "F4", "PageDown").
 * Digits, '.', and ',' always type.
 */
final class KeyBindings {

	/** The window's commands, with the keys they have unless a clerk chose others. */
	enum Command {
		CONFIRM("Confirm the field", "Enter", "KeypadEnter"),
		UNDO("Undo the last decision", "Ctrl+Z"),
		REJECT("Reject the field as unreadable", "F4", "Ctrl+R"),
		NEXT_DOCUMENT("Next document", "PageDown"),
		PREVIOUS_DOCUMENT("Previous document", "PageUp"),
		CELL_LEFT("Cell to the left", "Left"),
		CELL_RIGHT("Cell to the right", "Right"),
		BACKSPACE("Delete the digit before", "Backspace"),
		CLEAR("Empty the value", "Delete"),
		CONFUSION_PAIRS("Confusion-pair grid", "Ctrl+G"),
		DRAW_PAD("Draw pad", "Ctrl+D"),
		OPEN_FILES("Import PDF files", "Ctrl+O"),
		OPEN_FOLDER("Import a folder", "Ctrl+Shift+O"),
		LARGER_TEXT("Larger text", "Ctrl+Shift+Up"),
		SMALLER_TEXT("Smaller text", "Ctrl+Shift+Down"),
		HIGH_CONTRAST("High contrast on or off", "F11"),
		KEYS("These keys", "F1"),
		QUIT("Close the window", "Ctrl+Q");

		final String label;
		final List<KeyStroke> defaults;

		Command(String label, String... defaults) {
			this.label = label;
			this.defaults = java.util.Arrays.stream(defaults).map(k -> KeyStroke.parse(k).orElseThrow()).toList();
		}
	}

	/** A key with the modifiers held: Ctrl, Shift and Alt count, nothing else. */
	record KeyStroke(int modifiers, int keyCode) {

		private static final int MODIFIERS = SWT.CTRL | SWT.SHIFT | SWT.ALT;

		private static final Map<String, Integer> NAMED = Map.ofEntries(Map.entry("Enter", (int) SWT.CR),
				Map.entry("KeypadEnter", SWT.KEYPAD_CR), Map.entry("PageDown", SWT.PAGE_DOWN),
				Map.entry("PageUp", SWT.PAGE_UP), Map.entry("Left", SWT.ARROW_LEFT),
				Map.entry("Right", SWT.ARROW_RIGHT), Map.entry("Up", SWT.ARROW_UP),
				Map.entry("Down", SWT.ARROW_DOWN), Map.entry("Home", SWT.HOME), Map.entry("End", SWT.END),
				Map.entry("Insert", SWT.INSERT), Map.entry("Backspace", (int) SWT.BS),
				Map.entry("Delete", (int) SWT.DEL), Map.entry("Escape", (int) SWT.ESC),
				Map.entry("Tab", (int) SWT.TAB), Map.entry("Space", (int) ' '), Map.entry("F1", SWT.F1),
				Map.entry("F2", SWT.F2), Map.entry("F3", SWT.F3), Map.entry("F4", SWT.F4), Map.entry("F5", SWT.F5),
				Map.entry("F6", SWT.F6), Map.entry("F7", SWT.F7), Map.entry("F8", SWT.F8), Map.entry("F9", SWT.F9),
				Map.entry("F10", SWT.F10), Map.entry("F11", SWT.F11), Map.entry("F12", SWT.F12));

		/** The key of a key-down event. */
		static KeyStroke of(int stateMask, int keyCode) {
			int code = keyCode >= 'A' && keyCode <= 'Z' ? Character.toLowerCase(keyCode) : keyCode;
			return new KeyStroke(stateMask & MODIFIERS, code);
		}

		/** "Ctrl+Shift+O", "F4", "PageDown", "Alt+1"; empty when it names no key. */
		static Optional<KeyStroke> parse(String text) {
			String[] parts = text.trim().split("\\+", -1);
			int modifiers = 0;
			for (int i = 0; i < parts.length - 1; i++) {
				switch (parts[i].trim().toLowerCase(Locale.ROOT)) {
				case "ctrl" -> modifiers |= SWT.CTRL;
				case "shift" -> modifiers |= SWT.SHIFT;
				case "alt" -> modifiers |= SWT.ALT;
				default -> {
					return Optional.empty();
				}
				}
			}
			String key = parts[parts.length - 1].trim();
			for (Map.Entry<String, Integer> named : NAMED.entrySet()) {
				if (named.getKey().equalsIgnoreCase(key)) {
					return Optional.of(new KeyStroke(modifiers, named.getValue()));
				}
			}
			if (key.length() == 1 && key.charAt(0) > ' ' && key.charAt(0) < 0x7f) {
				return Optional.of(new KeyStroke(modifiers, Character.toLowerCase(key.charAt(0))));
			}
			return Optional.empty();
		}

		/** A key that types into the value: kept for typing, never a command's. */
		boolean types() {
			return (modifiers & (SWT.CTRL | SWT.ALT)) == 0
					&& (Character.isDigit(keyCode) || keyCode == '.' || keyCode == ',');
		}

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder();
			if ((modifiers & SWT.CTRL) != 0) {
				text.append("Ctrl+");
			}
			if ((modifiers & SWT.SHIFT) != 0) {
				text.append("Shift+");
			}
			if ((modifiers & SWT.ALT) != 0) {
				text.append("Alt+");
			}
			for (Map.Entry<String, Integer> named : NAMED.entrySet()) {
				if (named.getValue() == keyCode) {
					return text.append(named.getKey()).toString();
				}
			}
			return text.append(Character.toUpperCase((char) keyCode)).toString();
		}
	}

	private final Map<Command, List<KeyStroke>> keys = new EnumMap<>(Command.class);

	private KeyBindings() {
		for (Command command : Command.values()) {
			keys.put(command, command.defaults);
		}
	}

	/** The keys every window starts with. */
	static KeyBindings defaults() {
		return new KeyBindings();
	}

	/** The defaults, with a clerk's choices over them: text as {@link #chosen()} gives it. */
	static KeyBindings of(Map<Command, String> chosen) {
		KeyBindings bindings = new KeyBindings();
		chosen.forEach((command, text) -> {
			List<KeyStroke> strokes = new ArrayList<>();
			for (String part : text.isBlank() ? new String[0] : text.trim().split("\\s+")) {
				KeyStroke.parse(part).filter(k -> !k.types()).ifPresent(strokes::add);
			}
			// a text that names no key at all is a damaged setting: the defaults then
			if (!strokes.isEmpty() || text.isBlank()) {
				// a key chosen here leaves any command that had it by default
				strokes.forEach(bindings::takeAway);
				bindings.keys.put(command, List.copyOf(strokes));
			}
		});
		return bindings;
	}

	/** The command of a key-down event, if any. */
	Optional<Command> command(int stateMask, int keyCode) {
		KeyStroke pressed = KeyStroke.of(stateMask, keyCode);
		for (Map.Entry<Command, List<KeyStroke>> entry : keys.entrySet()) {
			if (entry.getValue().contains(pressed)) {
				return Optional.of(entry.getKey());
			}
		}
		return Optional.empty();
	}

	List<KeyStroke> keys(Command command) {
		return keys.get(command);
	}

	/** "F4 or Ctrl+R", for menus and the key table. */
	String describe(Command command) {
		return String.join(" or ", keys.get(command).stream().map(KeyStroke::toString).toList());
	}

	/**
	 * Gives the command this one key instead of its keys; the key leaves the
	 * command that had it. Answers which command lost it, if one did; a key
	 * that types is refused.
	 */
	Optional<Command> bind(Command command, KeyStroke key) {
		if (key.types()) {
			throw new IllegalArgumentException(key + " types into the value and cannot be a command's key");
		}
		Optional<Command> lost = takeAway(key).filter(c -> c != command);
		keys.put(command, List.of(key));
		return lost;
	}

	/** Gives the command its documented keys back (taking them from any command that had them). */
	void reset(Command command) {
		command.defaults.forEach(this::takeAway);
		keys.put(command, command.defaults);
	}

	private Optional<Command> takeAway(KeyStroke key) {
		for (Map.Entry<Command, List<KeyStroke>> entry : keys.entrySet()) {
			if (entry.getValue().contains(key)) {
				entry.setValue(entry.getValue().stream().filter(k -> !k.equals(key)).toList());
				return Optional.of(entry.getKey());
			}
		}
		return Optional.empty();
	}

	/** The commands whose keys differ from the defaults, as text (a command with no key: the empty text). */
	Map<Command, String> chosen() {
		Map<Command, String> chosen = new EnumMap<>(Command.class);
		keys.forEach((command, strokes) -> {
			if (!strokes.equals(command.defaults)) {
				chosen.put(command, String.join(" ", strokes.stream().map(KeyStroke::toString).toList()));
			}
		});
		return chosen;
	}
}
