package com.digitdesk.api.store;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where every value read from a form is kept, with its confidence and status,
 * until clerks and exports are done with it: all of the store, for tools that
 * use every part of it. A consumer that needs one part takes the narrower
 * service: {@link DocumentIngest} (importers), {@link FieldReview} (clerks
 * and the learning loop) or {@link ResultReadout} (exports and summaries);
 * every store is registered under all four.
 *
 * <p>Every write is one transaction. Several importers and clerks may use one
 * store at the same time; importers divide the files between them with
 * {@linkplain DocumentClaim claims}.
 *
 * <p>Every store service has the property {@code url}, its JDBC URL without
 * password; the default store also has {@code default=true}.
 */
@ProviderType
public interface ResultStore extends DocumentIngest, FieldReview, ResultReadout, VerifiedSamples, ModelVersions {
}
