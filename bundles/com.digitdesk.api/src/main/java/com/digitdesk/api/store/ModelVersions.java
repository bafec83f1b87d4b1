package com.digitdesk.api.store;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The recognizer's model versions kept with the store: every workstation
 * sharing the store reads with its current one. Promotions are kept in
 * order, so a rollback goes back to the version current before.
 */
@ProviderType
public interface ModelVersions {

	/** Every version, newest first. */
	List<ModelVersion> models() throws StoreException;

	/** The version the store's workstations read with; empty before any is promoted. */
	Optional<ModelVersion> currentModel() throws StoreException;

	/** Keeps a model as a candidate, named {@code v<N>}. */
	ModelVersion addModel(NewModel model) throws StoreException;

	/** Changes a version's note (e.g. why a candidate stays one). */
	ModelVersion noteModel(String version, String note) throws StoreException;

	/**
	 * A version's graph file, as it was added.
	 *
	 * @throws StoreException when there is no such version, or its bytes no
	 *         longer match their SHA-256 (a half-written or damaged model is
	 *         never handed out)
	 */
	byte[] modelGraph(String version) throws StoreException;

	/**
	 * Makes a version current; the one current before is retired. The guard
	 * that decides whether a candidate deserves it is the caller's.
	 */
	ModelVersion promote(String version, String by) throws StoreException;

	/**
	 * Goes back to the version current before the current one (the current
	 * one is retired); refused when there is none.
	 */
	ModelVersion rollback(String by) throws StoreException;
}
