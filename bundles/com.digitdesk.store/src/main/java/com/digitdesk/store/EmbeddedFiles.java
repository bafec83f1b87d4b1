package com.digitdesk.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.digitdesk.api.store.StoreException;

/**
 * The files of an embedded H2 database, readable by their owner only. H2
 * creates its files with the process's umask (0644 as a rule), so the
 * database file is created empty and owner-only before H2 opens it (H2 takes
 * an empty file as a new database and keeps its permissions), its directory
 * is created owner-only when it is missing, and files of the database found
 * wider (an existing install, a file H2 made) are narrowed.
 */
final class EmbeddedFiles {

	private EmbeddedFiles() {
	}

	/** Prepares the files of the database at {@code url}, if it is an embedded one. */
	static void prepare(String url) throws StoreException {
		Optional<Path> database = JdbcUrls.h2Database(url);
		if (database.isEmpty()) {
			return;
		}
		try {
			prepare(database.get());
		} catch (IOException e) {
			throw new StoreException("opening the store at " + JdbcUrls.redact(url) + ": cannot make its files "
					+ "private to their owner: " + e, e);
		}
	}

	/** @param database the database's path without extension, as in its URL */
	static void prepare(Path database) throws IOException {
		PrivateFiles.createDirectories(database.getParent());
		PrivateFiles.createFile(database.resolveSibling(database.getFileName() + ".mv.db"));
		narrow(database);
	}

	/**
	 * Narrows every file of the database: NAME.mv.db and whatever else H2
	 * names after it (NAME.trace.db, NAME.lock.db, NAME.123.temp.db,
	 * NAME.mv.db.tempFile).
	 */
	static void narrow(Path database) throws IOException {
		String prefix = database.getFileName() + ".";
		try (DirectoryStream<Path> files = Files.newDirectoryStream(database.getParent(),
				file -> file.getFileName().toString().startsWith(prefix))) {
			for (Path file : files) {
				PrivateFiles.narrow(file);
			}
		}
	}
}
