package com.digitdesk.api.verify;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import com.digitdesk.api.store.StoreException;

/**
 * One clerk going through the review queue: the field on screen (claimed
 * for the clerk while shown), what the clerk typed on it, and the acts that
 * decide it. Every act that decides a field commits its transaction before
 * the next field is shown. Not thread-safe: one window's thread uses it.
 */
@ProviderType
public interface VerificationSession extends AutoCloseable {

	/** The window's title: {@code DigitDesk verify - FILE p.N FIELD}, or {@code DigitDesk verify - nothing waiting}. */
	String title();

	/** The field on screen; empty when nothing waits. */
	Optional<FieldOnScreen> current();

	/**
	 * A character typed: a digit (replaces the shown value, or the digit
	 * under the cursor when a cell is selected) or a point (amounts).
	 * Anything else is refused with a message.
	 */
	void type(char key);

	/** Backspace: takes the last character typed (or of the shown value) away. */
	void backspace();

	/** Delete: empties the value, to confirm the field empty with Enter. */
	void clear();

	/** Arrow keys: moves the cursor over the value's digits ({@code -1} left, {@code +1} right). */
	void moveCell(int delta);

	/**
	 * Enter: confirms the value shown and moves to the next waiting field.
	 * A value the field's format refuses is not confirmed: the field stays,
	 * with the reason as its message.
	 */
	Act confirm() throws StoreException;

	/** Rejects the field as unreadable, with the reason, and moves on. */
	Act reject(String reason) throws StoreException;

	/** Undoes this session's latest decision: that field waits again and is shown. */
	Act undo() throws StoreException;

	/** Page Down: the first waiting field of the next document. */
	Act nextDocument() throws StoreException;

	/** Page Up: the first waiting field of the previous document. */
	Act previousDocument() throws StoreException;

	/** How long the field on screen stays the clerk's unless {@link #keepAlive()} renews it. */
	Duration lease();

	/**
	 * With nothing on screen, looks again for a waiting field (one that an
	 * import running meanwhile stored, or another clerk let go); true when
	 * one is shown now.
	 */
	boolean lookAgain() throws StoreException;

	/**
	 * The confusion-pair grids of the waiting fields (at the queue's head, up
	 * to a few hundred fields), the largest first; each field is in one grid
	 * at most. Empty when no field's doubts are all one digit and runner-up.
	 */
	List<ConfusionGrid> confusionGrids() throws StoreException;

	/** Renews the claims on what the clerk has on screen; call it every third of {@link #lease()}. */
	void keepAlive() throws StoreException;

	/** Counts for the status bar. */
	SessionFigures figures() throws StoreException;

	/** Gives up the claims of this session. */
	@Override
	void close() throws StoreException;

	/** What an act did. */
	record Act(boolean done, String message) {
		public static Act done(String message) {
			return new Act(true, message);
		}

		public static Act refused(String message) {
			return new Act(false, message);
		}
	}
}
