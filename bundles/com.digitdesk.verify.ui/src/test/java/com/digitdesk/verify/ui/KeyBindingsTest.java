package com.digitdesk.verify.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.digitdesk.verify.ui.KeyBindings.Command;
import com.digitdesk.verify.ui.KeyBindings.KeyStroke;

class KeyBindingsTest {

	@Test
	void theDocumentedKeysAreTheDefaults() {
		KeyBindings keys = KeyBindings.defaults();
		assertThat(keys.command(0, SWT.CR)).contains(Command.CONFIRM);
		assertThat(keys.command(0, SWT.KEYPAD_CR)).contains(Command.CONFIRM);
		assertThat(keys.command(SWT.CTRL, 'z')).contains(Command.UNDO);
		assertThat(keys.command(0, SWT.F4)).contains(Command.REJECT);
		assertThat(keys.command(SWT.CTRL, 'r')).contains(Command.REJECT);
		assertThat(keys.command(SWT.CTRL, 'g')).contains(Command.CONFUSION_PAIRS);
		assertThat(keys.command(0, SWT.PAGE_DOWN)).contains(Command.NEXT_DOCUMENT);
		assertThat(keys.command(0, SWT.PAGE_UP)).contains(Command.PREVIOUS_DOCUMENT);
		assertThat(keys.command(SWT.CTRL, 'o')).contains(Command.OPEN_FILES);
		assertThat(keys.command(SWT.CTRL | SWT.SHIFT, 'o')).contains(Command.OPEN_FOLDER);
		// modifiers count exactly, and a digit is never a command
		assertThat(keys.command(SWT.CTRL | SWT.SHIFT, 'z')).isEmpty();
		assertThat(keys.command(0, '7')).isEmpty();
		assertThat(keys.describe(Command.REJECT)).isEqualTo("F4 or Ctrl+R");
		assertThat(keys.chosen()).isEmpty();
	}

	@Test
	void keysAreWrittenAsTheyAreRead() {
		for (String text : new String[] { "Ctrl+Shift+O", "F4", "PageDown", "Alt+J", "Ctrl+Shift+Up", "Escape" }) {
			assertThat(KeyStroke.parse(text)).as(text).hasValueSatisfying(k -> assertThat(k).hasToString(text));
		}
		assertThat(KeyStroke.parse("ctrl+j")).contains(new KeyStroke(SWT.CTRL, 'j'));
		assertThat(KeyStroke.parse("Hyper+J")).isEmpty();
		assertThat(KeyStroke.parse("Ctrl+Nowhere")).isEmpty();
	}

	@Test
	void aKeyGivenToOneCommandLeavesTheOtherThatHadIt() {
		KeyBindings keys = KeyBindings.defaults();
		assertThat(keys.bind(Command.REJECT, new KeyStroke(SWT.CTRL, 'g'))).contains(Command.CONFUSION_PAIRS);
		assertThat(keys.command(SWT.CTRL, 'g')).contains(Command.REJECT);
		assertThat(keys.command(0, SWT.F4)).as("the old keys are replaced").isEmpty();
		assertThat(keys.keys(Command.CONFUSION_PAIRS)).isEmpty();
		assertThat(keys.chosen()).isEqualTo(Map.of(Command.REJECT, "Ctrl+G", Command.CONFUSION_PAIRS, ""));

		keys.reset(Command.CONFUSION_PAIRS);
		assertThat(keys.command(SWT.CTRL, 'g')).contains(Command.CONFUSION_PAIRS);
		assertThat(keys.keys(Command.REJECT)).isEmpty();
	}

	@Test
	void aKeyThatTypesIsNoCommandsKey() {
		KeyBindings keys = KeyBindings.defaults();
		assertThatThrownBy(() -> keys.bind(Command.REJECT, new KeyStroke(0, '5')))
				.hasMessageContaining("types into the value");
		assertThat(KeyBindings.of(Map.of(Command.REJECT, "5")).describe(Command.REJECT))
				.as("a damaged setting keeps the documented keys").isEqualTo("F4 or Ctrl+R");
	}

	@Test
	void aClerksKeysLookAndLayoutComeBackFromTheirFile(@TempDir Path data) throws Exception {
		ClerkPreferences preferences = ClerkPreferences.load(data, "ann o'neil");
		KeyBindings keys = preferences.keyBindings();
		keys.bind(Command.REJECT, new KeyStroke(SWT.CTRL, 'j'));
		preferences.keyBindings(keys);
		preferences.fontSize(18);
		preferences.highContrast(true);
		preferences.keepWeights("columns", new int[] { 60, 40 });
		preferences.save();

		ClerkPreferences again = ClerkPreferences.load(data, "ann o'neil");
		assertThat(again.keyBindings().command(SWT.CTRL, 'j')).contains(Command.REJECT);
		assertThat(again.keyBindings().command(0, SWT.F4)).isEmpty();
		assertThat(again.fontSize()).isEqualTo(18);
		assertThat(again.highContrast()).isTrue();
		assertThat(again.weights("columns", 55, 45)).containsExactly(60, 40);
		assertThat(ClerkPreferences.load(data, "someone else").keyBindings().chosen()).isEmpty();

		// the documented keys back: nothing of the old choice stays in the file
		KeyBindings back = again.keyBindings();
		back.reset(Command.REJECT);
		again.keyBindings(back);
		again.save();
		assertThat(ClerkPreferences.load(data, "ann o'neil").keyBindings().describe(Command.REJECT))
				.isEqualTo("F4 or Ctrl+R");
	}
}
