package com.digitdesk.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.test.common.annotation.InjectService;
import org.osgi.test.junit5.service.ServiceExtension;

import com.digitdesk.api.data.DataDirectory;
import com.digitdesk.api.store.Correction;
import com.digitdesk.api.store.FieldReview;
import com.digitdesk.api.store.FieldStatus;
import com.digitdesk.api.store.ResultStores;
import com.digitdesk.api.store.StoredField;
import com.digitdesk.api.template.FieldKind;
import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.template.TemplateCatalog;
import com.digitdesk.verify.ui.view.VerifyView;
import com.digitdesk.verify.ui.view.ViewSite;

/**
 * The verification window on a virtual display, driven by real key events:
 * a generated archive imported, then a clerk confirms, corrects, undoes and
 * rejects with the keyboard alone, and the store shows each act.
 */
@ExtendWith(ServiceExtension.class)
class VerifyWindowTest {

	@InjectService(timeout = 20000)
	static ResultStores stores;

	@InjectService(timeout = 20000)
	static TemplateCatalog templates;

	@InjectService(timeout = 20000)
	static DataDirectory data;

	@TempDir
	static Path work;

	static VirtualDisplay screen;
	static String url;

	@BeforeAll
	static void importAnArchive() throws Exception {
		screen = VirtualDisplay.start();
		Path archive = work.resolve("archive");
		assertThat(Commands.run(new ByteArrayOutputStream(), "corpus", "--out", archive.toString(), "--pages", "6",
				"--seed", "41")).isZero();
		url = "jdbc:h2:file:" + work.resolve("store/results");
		assertThat(Commands.run(new ByteArrayOutputStream(), "import", "--db", url, archive.toString())).isZero();
	}

	@AfterAll
	static void stopTheDisplay() throws Exception {
		if (screen != null) {
			screen.close();
		}
	}

	static String title(StoredField field) {
		return "DigitDesk verify - " + field.sourceFile() + " p." + field.page() + " " + field.name();
	}

	@Test
	void aClerkConfirmsCorrectsUndoesAndRejectsWithTheKeyboardAlone() throws Exception {
		FieldReview store = stores.store(url);
		List<StoredField> queue = store.reviewQueue(100);
		assertThat(queue).as("fields waiting in the generated archive").hasSizeGreaterThanOrEqualTo(3);
		ExecutorService runner = Executors.newSingleThreadExecutor();
		try {
			Future<Integer> verify = runner.submit(() -> Commands.run(new ByteArrayOutputStream(), "verify", "--db",
					url, "--clerk", "tester"));
			WindowDriver window = WindowDriver.ofThread("digitdesk-verify-window");
			window.awaitTitle(title(queue.get(0)));
			window.focus();

			// Enter confirms what is shown: the rule's proposal, else the value read
			StoredField first = queue.get(0);
			window.press(SWT.CR, false);
			window.awaitTitle(title(queue.get(1)));
			StoredField confirmed = store.field(first.id()).orElseThrow();
			assertThat(confirmed.status()).isEqualTo(FieldStatus.VERIFIED);
			assertThat(confirmed.value()).isEqualTo(first.proposal().orElse(first.value()));
			assertThat(confirmed.verification().orElseThrow().user()).isEqualTo("tester");

			// digits typed replace the value
			StoredField second = queue.get(1);
			FieldKind kind = templates.template(second.templateId()).flatMap(t -> t.field(second.name()))
					.map(FieldSpec::kind).orElseThrow();
			String[] typedAndStored = correction(kind, templates.template(second.templateId())
					.flatMap(t -> t.field(second.name())));
			window.type(typedAndStored[0]);
			window.press(SWT.CR, false);
			window.awaitTitle(title(queue.get(2)));
			StoredField corrected = store.field(second.id()).orElseThrow();
			assertThat(corrected.status()).isEqualTo(FieldStatus.VERIFIED);
			assertThat(corrected.value()).isEqualTo(typedAndStored[1]);
			Correction correction = corrected.verification().orElseThrow();
			assertThat(correction.keystrokes()).isEqualTo(typedAndStored[0].length() + 1);
			assertThat(correction.seconds()).isPositive();

			// Ctrl+Z takes it back: the field waits again, and is shown
			window.press('z', true);
			window.awaitTitle(title(second));
			assertThat(store.field(second.id()).orElseThrow().status()).isEqualTo(FieldStatus.NEEDS_REVIEW);
			assertThat(store.corrections(second.id())).singleElement()
					.satisfies(c -> assertThat(c.undone()).isPresent());

			// F4 rejects it, the reason picked by its digit
			window.press(SWT.F4, false);
			window.awaitDialog("Reject the field");
			window.type("2");
			window.awaitTitle(title(queue.get(2)));
			assertThat(store.field(second.id()).orElseThrow().status()).isEqualTo(FieldStatus.REJECTED);
			assertThat(store.corrections(second.id())).hasSize(2);

			Path shots = Path.of(System.getProperty("user.dir"), "target");
			Files.createDirectories(shots);
			window.screenshot(shots.resolve("verify-window.png"));

			// Ctrl+G: the doubtful digits grouped by what was read and its runner-up, a grid at a time
			int waiting = store.waitingCount();
			window.press('g', true);
			window.awaitDialog("DigitDesk verify - confusion pairs: ");
			String firstGrid = window.dialog("DigitDesk verify - confusion pairs: ").orElseThrow();
			window.screenshot(shots.resolve("verify-grid.png"));
			// Esc goes back to the field, nothing decided; Ctrl+G brings the grid again
			window.press(SWT.ESC, false);
			awaitClosed(window, "DigitDesk verify - confusion pairs: ");
			assertThat(store.waitingCount()).isEqualTo(waiting);
			window.focus();
			window.press('g', true);
			window.awaitDialog("DigitDesk verify - confusion pairs: ");
			window.press(SWT.ARROW_RIGHT, false);
			for (int grids = 0; grids < 50 && window.dialog("DigitDesk verify - confusion pairs: ").isPresent();
					grids++) {
				window.press(SWT.CR, false);
			}
			assertThat(window.dialog("DigitDesk verify - confusion pairs: ")).as("after " + firstGrid).isEmpty();
			assertThat(store.waitingCount()).as("fields decided in the grids").isLessThan(waiting);
			window.focus();

			// File > Open (Ctrl+O): the file typed in the dialog is imported in the background
			Path more = work.resolve("more");
			assertThat(Commands.run(new ByteArrayOutputStream(), "corpus", "--out", more.toString(), "--pages", "1",
					"--seed", "42")).isZero();
			Path file = ImportTest.pdfs(more).get(0);
			long documents = stores.store(url).summary().documents();
			// the file chooser is GTK's own: it is typed at through the X server, not through SWT
			try (X11Keyboard keyboard = new X11Keyboard(screen.name)) {
				keyboard.press("o", true);
				long opened = System.currentTimeMillis() + 30_000;
				while (keyboard.title("Import PDF files").isEmpty() && System.currentTimeMillis() < opened) {
					Thread.sleep(100);
				}
				assertThat(keyboard.title("Import PDF files")).as("the file chooser").isPresent();
				// the chooser has its title before it is shown
				Thread.sleep(1000);
				keyboard.focus("Import PDF files");
				// a '/' opens the chooser's location field, which takes the rest
				keyboard.type("/");
				Thread.sleep(500);
				keyboard.type(file.toString().substring(1));
				Thread.sleep(300);
				keyboard.press("Return", false);
			}
			long deadline = System.currentTimeMillis() + 60_000;
			while (stores.store(url).summary().documents() == documents && System.currentTimeMillis() < deadline) {
				Thread.sleep(200);
			}
			assertThat(stores.store(url).summary().documents()).as("the file opened is imported")
					.isEqualTo(documents + 1);
			window.focus();

			// Ctrl+D: the draw pad reads what is drawn on it with the recognizer, while drawing
			window.press('d', true);
			window.awaitDialog("DigitDesk draw pad");
			window.drag("DigitDesk draw pad", 140, 40, 138, 240);
			long drawn = System.currentTimeMillis() + 30_000;
			while (!window.dialog("DigitDesk draw pad").orElse("").startsWith("DigitDesk draw pad - reads ")
					&& System.currentTimeMillis() < drawn) {
				Thread.sleep(100);
			}
			// what a posted stroke becomes depends on how many of its moves the pad saw: that it is read is
			// the point here (the recognizer's own tests judge what it reads)
			assertThat(window.dialog("DigitDesk draw pad")).hasValueSatisfying(
					pad -> assertThat(pad).matches("DigitDesk draw pad - reads (\\d|no digit) \\(\\d\\.\\d\\d\\)"));
			window.screenshot(shots.resolve("verify-draw-pad.png"));
			window.press(SWT.ESC, false);
			window.focus();

			window.press('q', true);
			assertThat(verify.get(30, TimeUnit.SECONDS)).isZero();
			assertThat(store.claimedFields("tester")).as("claims given up when the window closed").isEmpty();
		} finally {
			WindowDriver.closeAll("digitdesk-verify-window");
			runner.shutdownNow();
		}
	}

	@Test
	void aClerksKeysTextSizeAndContrastComeBackInTheirNextWindow() throws Exception {
		Path settings = data.path().resolve("clerks/lee.properties");
		Files.deleteIfExists(settings);
		ExecutorService runner = Executors.newSingleThreadExecutor();
		try {
			Future<Integer> verify = runner.submit(() -> verify("lee"));
			WindowDriver window = awaitWindow();
			assertThat(window.label("Waiting:")).hasValueSatisfying(
					status -> assertThat(status.getValue()).as("the status bar's text size").isEqualTo(12));

			// F1: the key table; Enter on a command, then a key, gives the command that key
			window.press(SWT.F1, false);
			window.awaitDialog(KEYS);
			int reject = window.rows(KEYS).indexOf("Reject the field as unreadable");
			assertThat(reject).as("the key table's rows: " + window.rows(KEYS)).isNotNegative();
			for (int i = 0; i < reject; i++) {
				window.press(SWT.ARROW_DOWN, false);
			}
			window.press(SWT.CR, false);
			assertThat(window.label("Press the key for \"Reject the field as unreadable\"")).isPresent();
			window.press('j', true);
			assertThat(window.label("Reject the field as unreadable: Ctrl+J")).isPresent();
			window.press(SWT.ESC, false);
			awaitClosed(window, KEYS);
			window.focus();

			// F11 high contrast, Ctrl+Shift+Up twice: larger text, at once
			window.press(SWT.F11, false);
			window.press(SWT.ARROW_UP, true, true);
			window.press(SWT.ARROW_UP, true, true);
			assertThat(window.label("Waiting:")).hasValueSatisfying(
					status -> assertThat(status.getValue()).isEqualTo(16));

			window.press('j', true);
			window.awaitDialog("Reject the field");
			window.press(SWT.ESC, false);
			awaitClosed(window, "Reject the field");
			window.focus();
			window.press('q', true);
			assertThat(verify.get(30, TimeUnit.SECONDS)).isZero();

			assertThat(Files.readAllLines(settings)).contains("key.REJECT=Ctrl+J", "fontSize=16",
					"highContrast=true");

			// the next window of the same clerk: their keys, size and contrast
			Future<Integer> reopened = runner.submit(() -> verify("lee"));
			WindowDriver again = awaitWindow();
			assertThat(again.label("Waiting:")).hasValueSatisfying(
					status -> assertThat(status.getValue()).isEqualTo(16));
			again.press('j', true);
			again.awaitDialog("Reject the field");
			again.press(SWT.ESC, false);
			awaitClosed(again, "Reject the field");
			again.focus();
			again.press('q', true);
			assertThat(reopened.get(30, TimeUnit.SECONDS)).isZero();
		} finally {
			WindowDriver.closeAll("digitdesk-verify-window");
			runner.shutdownNow();
		}
	}

	@Test
	void aViewRegisteredWhileTheWindowIsOpenIsShownUntilItGoes() throws Exception {
		ExecutorService runner = Executors.newSingleThreadExecutor();
		BundleContext context = FrameworkUtil.getBundle(VerifyWindowTest.class).getBundleContext();
		ServiceRegistration<VerifyView> registration = null;
		try {
			Future<Integer> verify = runner.submit(() -> verify("kim"));
			WindowDriver window = awaitWindow();
			String title = window.title();
			assertThat(window.tabs()).contains("Page", "Field", "Queue").doesNotContain(RegisterView.TITLE);

			// a customer's view: the current field looked up in their own register
			registration = context.registerService(VerifyView.class, new RegisterView(),
					new Hashtable<>(Map.of(VerifyView.PLACE, "bottom", VerifyView.ORDER, 10)));
			awaitTabs(window, tabs -> tabs.contains(RegisterView.TITLE));
			awaitLabel(window, RegisterView.LOOKED_UP + title.substring(title.lastIndexOf(' ') + 1));

			// it follows the clerk to the next field
			window.focus();
			window.press(SWT.PAGE_DOWN, false);
			long moved = System.currentTimeMillis() + 10_000;
			while (window.title().equals(title) && System.currentTimeMillis() < moved) {
				Thread.sleep(50);
			}
			String next = window.title();
			if (!next.equals(title)) {
				awaitLabel(window, RegisterView.LOOKED_UP + next.substring(next.lastIndexOf(' ') + 1));
			}

			registration.unregister();
			registration = null;
			awaitTabs(window, tabs -> !tabs.contains(RegisterView.TITLE));
			assertThat(window.tabs()).contains("Page", "Field", "Queue");
			window.press('q', true);
			assertThat(verify.get(30, TimeUnit.SECONDS)).isZero();
		} finally {
			if (registration != null) {
				registration.unregister();
			}
			WindowDriver.closeAll("digitdesk-verify-window");
			runner.shutdownNow();
		}
	}

	/** A view of another bundle: says which field it would look up. */
	static final class RegisterView implements VerifyView {
		static final String TITLE = "Taxpayer register";
		static final String LOOKED_UP = "Looked up in the register: ";

		@Override
		public String title() {
			return TITLE;
		}

		@Override
		public ViewPart open(Composite parent, ViewSite site) {
			Label label = new Label(parent, SWT.NONE);
			return state -> label.setText(LOOKED_UP + state.field().map(f -> f.field().name()).orElse("nothing"));
		}
	}

	private static final String KEYS = "DigitDesk verify - keys";

	/** The verify command for a clerk: returns when the window is closed. */
	private static int verify(String clerk) throws Exception {
		return Commands.run(new ByteArrayOutputStream(), "verify", "--db", url, "--clerk", clerk);
	}

	/** The window the command opened, on a waiting field. */
	private static WindowDriver awaitWindow() throws Exception {
		WindowDriver window = WindowDriver.ofThread("digitdesk-verify-window");
		long deadline = System.currentTimeMillis() + 30_000;
		while (!window.title().startsWith("DigitDesk verify - ") && System.currentTimeMillis() < deadline) {
			Thread.sleep(50);
		}
		assertThat(window.title()).startsWith("DigitDesk verify - ").isNotEqualTo("DigitDesk verify - nothing waiting");
		window.focus();
		return window;
	}

	private static void awaitClosed(WindowDriver window, String dialog) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 10_000;
		while (window.dialog(dialog).isPresent() && System.currentTimeMillis() < deadline) {
			Thread.sleep(50);
		}
		assertThat(window.dialog(dialog)).as(dialog + " closed").isEmpty();
	}

	private static void awaitTabs(WindowDriver window, Predicate<List<String>> wanted) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 10_000;
		while (!wanted.test(window.tabs()) && System.currentTimeMillis() < deadline) {
			Thread.sleep(50);
		}
		assertThat(wanted.test(window.tabs())).as("the window's tabs: " + window.tabs()).isTrue();
	}

	private static void awaitLabel(WindowDriver window, String text) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 10_000;
		while (window.label(text).isEmpty() && System.currentTimeMillis() < deadline) {
			Thread.sleep(50);
		}
		assertThat(window.label(text)).as("a label \"" + text + "\"").isPresent();
	}

	/** Keys that type a right value for a field of this kind, and the value they give. */
	private static String[] correction(FieldKind kind, Optional<FieldSpec> spec) {
		return switch (kind) {
		case AMOUNT -> new String[] { "123456", "1234.56" };
		case SSN -> new String[] { "123456780", "123456780" };
		case DATE -> new String[] { "01022024", "01022024" };
		case DIGITS -> {
			String digits = "1234567890".repeat(3).substring(0, spec.orElseThrow().cells());
			yield new String[] { digits, digits };
		}
		case NUMBER -> new String[] { "42", "42" };
		};
	}
}
