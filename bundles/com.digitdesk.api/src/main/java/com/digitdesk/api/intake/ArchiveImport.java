package com.digitdesk.api.intake;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

import com.digitdesk.api.store.StoreException;

/**
 * Imports PDF files and folders into a store as {@code digitdesk import}
 * does (claims, resumable, bad files quarantined), on threads of its own.
 */
@ProviderType
public interface ArchiveImport {

	/**
	 * Starts importing {@code paths} (files, and the PDFs under folders) into
	 * the store at {@code storeUrl}; returns at once.
	 *
	 * @param progress told how the import advances, about twice a second and
	 *        once at the end, on the import's own thread
	 * @throws IllegalArgumentException naming a path that does not exist
	 * @throws StoreException if the store cannot be opened
	 */
	ImportRun start(List<Path> paths, String storeUrl, Consumer<ImportStatus> progress) throws StoreException;

	/** An import under way. */
	interface ImportRun {

		ImportStatus status();

		/**
		 * Stops the import after the pages in hand: every page stored stays,
		 * and a file left half done is finished by the next import of it.
		 */
		void cancel();

		/** Waits for the end and returns how it ended. */
		ImportStatus await() throws InterruptedException;
	}
}
