package com.digitdesk.mnist;

import java.nio.file.Path;

import com.digitdesk.api.training.DatasetException;

/** Brings a package's files onto this machine. */
@FunctionalInterface
public interface PackageFetcher {

	/**
	 * Fetches {@code packageSpec} into {@code workDirectory}.
	 *
	 * @return the unpacked package's root folder, inside {@code workDirectory}
	 */
	Path fetch(String packageSpec, Path workDirectory) throws DatasetException;
}
