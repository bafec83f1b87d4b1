package com.digitdesk.api.store;

import java.time.Duration;
import java.util.Objects;

/**
 * A lease that makes one importer the only one reading and storing a file's
 * content until it ends.
 *
 * <p>Several importers may work on one folder into one store: each claims a
 * file's content with {@link DocumentIngest#claim} before it opens the file, and
 * only the importer holding the claim reads and stores that content. The
 * lease runs on the database's clock, so importers on workstations whose
 * clocks disagree still agree on who holds what. An importer that stops
 * without giving its claims up (killed, crashed, cut off) loses them when
 * their lease runs out, and another importer takes the content over.
 *
 * <p>A claim is kept by renewing it before its lease runs out: every fenced
 * write ({@link DocumentIngest#storePage(long, PageResult, DocumentClaim)},
 * {@link DocumentIngest#discardDocument}) renews it, and
 * {@link DocumentIngest#renewClaims} renews all of one claimant's at once, for
 * an importer busy on a long page. A claim whose lease ran out stays lost,
 * even if nobody took it over yet: every fenced write under it then fails
 * with {@link ClaimLostException}, so the importer stops that file and the
 * next claimant resumes it from what was stored.
 *
 * @param contentSha256 SHA-256 of the file's bytes, lower-case hex, as in
 *        {@link DocumentSource#contentSha256()}
 * @param claimant who holds it, unique per running importer (for example
 *        host, process id and a random part), so that a restarted importer
 *        does not mistake its predecessor's claims for its own
 * @param lease how long the claim lasts from its last renewal, on the
 *        database's clock; longer than the time one page takes to read and
 *        store, or the claimant renews it with {@link DocumentIngest#renewClaims}
 *        while it works
 */
public record DocumentClaim(String contentSha256, String claimant, Duration lease) {

	public DocumentClaim {
		Objects.requireNonNull(contentSha256, "contentSha256");
		Objects.requireNonNull(claimant, "claimant");
		Objects.requireNonNull(lease, "lease");
		if (!contentSha256.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("not a SHA-256: " + contentSha256);
		}
		if (claimant.isBlank()) {
			throw new IllegalArgumentException("a claimant has a name");
		}
		if (lease.isNegative() || lease.isZero()) {
			throw new IllegalArgumentException("a claim's lease must be longer than zero, not " + lease);
		}
	}
}
