package com.digitdesk.api.verify;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

import com.digitdesk.api.store.StoreException;

/**
 * Glyphs from many waiting fields that the recognizer read as one digit with
 * the same runner-up (every doubtful "7 or 1" together): the clerk relabels
 * the few that are the runner-up (or anything else) and confirms the rest as
 * read with one key. Only fields whose every doubt is such a digit are in a
 * grid, so confirming it decides each of them.
 */
@ProviderType
public interface ConfusionGrid {

	/** The digit every tile was read as. */
	int read();

	/** The runner-up every tile had. */
	int runnerUp();

	List<ConfusionTile> tiles();

	/** The tile under the cursor. */
	int cursor();

	/** Moves the cursor by {@code delta} tiles (a row is as many as the window shows), staying in the grid. */
	void move(int delta);

	/** A digit typed on the tile under the cursor: its new label. The cursor moves on. */
	void relabel(char digit);

	/** The label a tile was given, if it was relabelled. */
	Optional<Integer> relabelled(int tile);

	/**
	 * Enter: confirms every tile (relabelled ones with their label, the rest
	 * as read) and with them every field in the grid, one transaction each.
	 * A field another clerk took meanwhile is left out.
	 */
	VerificationSession.Act confirm() throws StoreException;
}
