package com.digitdesk.verify;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.digitdesk.api.store.ClerkDecision;
import com.digitdesk.api.store.DigitResult;
import com.digitdesk.api.store.FieldImage;
import com.digitdesk.api.store.FieldReview;
import com.digitdesk.api.store.FieldStatus;
import com.digitdesk.api.store.QueuePlace;
import com.digitdesk.api.store.StoreException;
import com.digitdesk.api.store.StoredField;
import com.digitdesk.api.template.FieldKind;
import com.digitdesk.api.template.FieldSpec;
import com.digitdesk.api.verify.ConfusionGrid;
import com.digitdesk.api.verify.FieldOnScreen;
import com.digitdesk.api.verify.SessionFigures;
import com.digitdesk.api.verify.VerificationSession;

/**
 * One clerk's pass over the review queue. The field on screen is claimed for
 * the clerk; a decision commits (and lets the claim go) before the next field
 * is claimed and shown.
 */
final class ClerkSession implements VerificationSession {

	static final String TITLE = "DigitDesk verify";

	/** Where a decision made in a confusion-pair grid comes from, as its samples record it. */
	static final String GRID = "grid";

	/** Waiting fields looked at per step through the queue: those other clerks hold are passed over. */
	private static final int LOOKAHEAD = 20;

	private final FieldReview store;
	private final String clerk;
	private final FieldSpecs specs;
	private final Duration lease;
	/** Below this reading probability a verified digit's label is a suspect training sample. */
	private final double suspectBelow;
	private final long openedAt = System.nanoTime();
	/** The fields this session decided, latest first, for undo. */
	private final Deque<Decided> decided = new ArrayDeque<>();

	private Shown shown;
	private int keystrokes;
	private int fullKeying;
	/**
	 * The store's waiting count, counted anew on the reading thread when older
	 * than {@link #COUNT_EVERY_NANOS} (a count of a large store takes longer
	 * than showing the next field may).
	 */
	private volatile int waiting = -1;
	private volatile long waitingCountedAt;
	private final java.util.concurrent.atomic.AtomicBoolean counting = new java.util.concurrent.atomic.AtomicBoolean();
	/** The digits and snippet of the field that comes next, read ahead on a thread of their own. */
	private final Map<Long, Future<Loaded>> ahead = new ConcurrentHashMap<>();
	private final ExecutorService reader = Executors.newSingleThreadExecutor(work -> {
		Thread thread = new Thread(work, "digitdesk-verify-ahead");
		thread.setDaemon(true);
		return thread;
	});

	private static final long COUNT_EVERY_NANOS = 2_000_000_000L;

	/** What show() reads of a field besides the field itself. */
	private record Loaded(List<DigitResult> digits, Optional<FieldImage> snippet) {
	}

	/** A decision of this session, and the keys typing its value in full would have taken. */
	private record Decided(long fieldId, int fullKeys) {
	}

	/** The field on screen with what the clerk did on it. */
	private static final class Shown {
		final StoredField field;
		final Optional<FieldSpec> spec;
		final FieldOnScreen base;
		final ValueEditor editor;
		final long since = System.nanoTime();
		int keys;
		String message = "";

		Shown(Optional<FieldSpec> spec, FieldOnScreen base) {
			this.field = base.field();
			this.spec = spec;
			this.base = base;
			this.editor = new ValueEditor(base.kind(), base.shown());
		}
	}

	ClerkSession(FieldReview store, String clerk, FieldSpecs specs, Duration lease, double suspectBelow)
			throws StoreException {
		this.suspectBelow = suspectBelow;
		this.store = store;
		this.clerk = clerk;
		this.specs = specs;
		this.lease = lease;
		// a workstation that died held these: the clerk gets them back at once
		List<StoredField> held = store.claimedFields(clerk);
		if (!held.isEmpty() && store.claimField(held.get(0).id(), clerk, lease)) {
			show(held.get(0));
		} else {
			moveForward(QueuePlace.START);
		}
	}

	@Override
	public String title() {
		if (shown == null) {
			return TITLE + " - nothing waiting";
		}
		StoredField field = shown.field;
		return TITLE + " - " + field.sourceFile() + " p." + field.page() + " " + field.name();
	}

	@Override
	public Optional<FieldOnScreen> current() {
		if (shown == null) {
			return Optional.empty();
		}
		FieldOnScreen base = shown.base;
		return Optional.of(new FieldOnScreen(base.field(), base.kind(), base.digits(), base.snippet(),
				shown.editor.value(), shown.editor.typedAnything(), shown.editor.cursor(), base.reasons(),
				shown.message));
	}

	@Override
	public void type(char key) {
		if (shown != null) {
			count();
			String refused = shown.editor.type(key);
			shown.message = refused == null ? "" : refused;
		}
	}

	@Override
	public void backspace() {
		if (shown != null) {
			count();
			shown.editor.backspace();
			shown.message = "";
		}
	}

	@Override
	public void clear() {
		if (shown != null) {
			count();
			shown.editor.clear();
			shown.message = "";
		}
	}

	@Override
	public void moveCell(int delta) {
		if (shown != null) {
			count();
			shown.editor.moveCell(delta);
		}
	}

	@Override
	public Act confirm() throws StoreException {
		if (shown == null) {
			return Act.refused("nothing waiting");
		}
		count();
		String value = shown.editor.value();
		Optional<String> refusal = FieldFormats.refusal(shown.base.kind(), shown.spec, value);
		if (refusal.isPresent()) {
			shown.message = refusal.get() + ": not confirmed";
			return Act.refused(shown.message);
		}
		return decide(ClerkDecision.verified(clerk, value, spent(), shown.keys)
				.labelling(DigitLabels.of(shown.base.digits(), value, suspectBelow)), value);
	}

	@Override
	public Act reject(String reason) throws StoreException {
		if (shown == null) {
			return Act.refused("nothing waiting");
		}
		count();
		return decide(ClerkDecision.rejected(clerk, reason, spent(), shown.keys), "");
	}

	private Act decide(ClerkDecision decision, String value) throws StoreException {
		StoredField field = shown.field;
		Optional<String> elsewhere = record(field, decision, value);
		moveForward(field.place());
		if (elsewhere.isPresent()) {
			// another clerk decided it while it was on screen (this clerk's claim had run out): move on
			return Act.refused(elsewhere.get());
		}
		return Act.done((decision.value().isPresent() ? "confirmed " : "rejected ") + field.name());
	}

	/**
	 * Writes the decision and keeps it for undo; or, when another clerk
	 * decided the field first, writes nothing and says so.
	 */
	private Optional<String> record(StoredField field, ClerkDecision decision, String value) throws StoreException {
		try {
			store.decide(field.id(), decision);
		} catch (StoreException e) {
			if (store.field(field.id()).map(f -> f.status() != FieldStatus.NEEDS_REVIEW).orElse(true)) {
				return Optional.of(e.getMessage());
			}
			throw e;
		}
		Decided done = new Decided(field.id(), digitsOf(value) + 1);
		decided.push(done);
		fullKeying += done.fullKeys();
		if (waiting > 0) {
			// one fewer until the next count (none yet: the first figures() counts)
			waiting--;
		}
		return Optional.empty();
	}

	@Override
	public Act undo() throws StoreException {
		count();
		if (decided.isEmpty()) {
			return Act.refused("nothing to undo in this session");
		}
		Decided last = decided.pop();
		StoredField field = store.undo(last.fieldId(), clerk);
		fullKeying -= last.fullKeys();
		leave();
		if (store.claimField(field.id(), clerk, lease)) {
			show(field);
		} else {
			moveForward(field.place());
		}
		return Act.done("undone: " + field.name() + " waits again");
	}

	@Override
	public Act nextDocument() throws StoreException {
		count();
		QueuePlace from = shown == null ? QueuePlace.START
				: new QueuePlace(shown.field.place().documentId(), Integer.MAX_VALUE, Integer.MAX_VALUE);
		StoredField before = shown == null ? null : shown.field;
		Optional<StoredField> next = claimFirst(store.reviewQueue(from, true, clerk, LOOKAHEAD));
		if (next.isEmpty()) {
			return Act.refused("no later document waits");
		}
		leave(before);
		show(next.get());
		return Act.done("next document");
	}

	@Override
	public Act previousDocument() throws StoreException {
		count();
		if (shown == null) {
			return Act.refused("nothing waiting");
		}
		QueuePlace here = new QueuePlace(shown.field.place().documentId(), -1, -1);
		List<StoredField> earlier = store.reviewQueue(here, false, clerk, 1);
		if (earlier.isEmpty()) {
			return Act.refused("no earlier document waits");
		}
		QueuePlace start = new QueuePlace(earlier.get(0).place().documentId(), -1, -1);
		StoredField before = shown.field;
		Optional<StoredField> first = claimFirst(store.reviewQueue(start, true, clerk, LOOKAHEAD));
		if (first.isEmpty()) {
			return Act.refused("no earlier document waits");
		}
		leave(before);
		show(first.get());
		return Act.done("previous document");
	}

	@Override
	public boolean lookAgain() throws StoreException {
		if (shown == null) {
			moveForward(QueuePlace.START);
		}
		return shown != null;
	}

	@Override
	public List<ConfusionGrid> confusionGrids() throws StoreException {
		List<ConfusionGrid> grids = new ArrayList<>();
		for (ConfusionPairs.Pair pair : ConfusionPairs.of(store, clerk)) {
			grids.add(new PairGrid(pair, new PairGrid.Decider() {
				@Override
				public boolean decide(StoredField field, List<DigitResult> digits, String value, int keys,
						Duration spent) throws StoreException {
					return decideFromGrid(field, digits, value, keys, spent);
				}

				@Override
				public void count() {
					ClerkSession.this.count();
				}
			}));
		}
		return grids;
	}

	/** A field the clerk answered in a confusion-pair grid; false when another clerk has it. */
	private boolean decideFromGrid(StoredField field, List<DigitResult> digits, String value, int keys,
			Duration spent) throws StoreException {
		boolean onScreen = shown != null && shown.field.id() == field.id();
		if (!onScreen && !store.claimField(field.id(), clerk, lease)) {
			return false;
		}
		ClerkDecision decision = ClerkDecision.verified(clerk, value, spent, keys)
				.labelling(DigitLabels.of(digits, value, suspectBelow)).from(GRID);
		if (record(field, decision, value).isPresent()) {
			return false;
		}
		if (onScreen) {
			moveForward(field.place());
		}
		return true;
	}

	@Override
	public Duration lease() {
		return lease;
	}

	@Override
	public void keepAlive() throws StoreException {
		store.renewFieldClaims(clerk, lease);
	}

	@Override
	public SessionFigures figures() throws StoreException {
		long now = System.nanoTime();
		if (waiting < 0) {
			waiting = store.waitingCount();
			waitingCountedAt = now;
		} else if (now - waitingCountedAt > COUNT_EVERY_NANOS && counting.compareAndSet(false, true)) {
			reader.execute(() -> {
				try {
					waiting = store.waitingCount();
					waitingCountedAt = System.nanoTime();
				} catch (StoreException e) {
					// counted again next time
				} finally {
					counting.set(false);
				}
			});
		}
		double hours = (now - openedAt) / 3.6e12;
		return new SessionFigures(waiting, decided.size(), keystrokes, fullKeying,
				hours > 0 ? decided.size() / hours : 0);
	}

	@Override
	public void close() throws StoreException {
		reader.shutdownNow();
		leave();
	}

	/** Shows the first field after {@code from} that can be claimed, wrapping round to the queue's start once. */
	private void moveForward(QueuePlace from) throws StoreException {
		Optional<StoredField> next = claimFirst(store.reviewQueue(from, true, clerk, LOOKAHEAD));
		if (next.isEmpty() && !from.equals(QueuePlace.START)) {
			next = claimFirst(store.reviewQueue(QueuePlace.START, true, clerk, LOOKAHEAD));
		}
		if (next.isPresent()) {
			show(next.get());
		} else {
			shown = null;
		}
	}

	private Optional<StoredField> claimFirst(List<StoredField> candidates) throws StoreException {
		for (int i = 0; i < candidates.size(); i++) {
			StoredField candidate = candidates.get(i);
			if (shown != null && candidate.id() == shown.field.id()
					|| store.claimField(candidate.id(), clerk, lease)) {
				if (i + 1 < candidates.size()) {
					readAhead(candidates.get(i + 1));
				}
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	/** Starts reading what showing {@code field} needs, forgetting what was read for others. */
	private void readAhead(StoredField field) {
		ahead.keySet().retainAll(java.util.Set.of(field.id()));
		ahead.computeIfAbsent(field.id(), id -> reader.submit(() -> load(id)));
	}

	private Loaded load(long fieldId) throws StoreException {
		return new Loaded(store.digits(fieldId), store.fieldImage(fieldId));
	}

	/** What was read ahead for the field, else read now. */
	private Loaded loaded(long fieldId) throws StoreException {
		Future<Loaded> read = ahead.remove(fieldId);
		if (read != null) {
			try {
				return read.get();
			} catch (ExecutionException e) {
				// read again below, where the problem is reported
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		return load(fieldId);
	}

	private void show(StoredField field) throws StoreException {
		Loaded loaded = loaded(field.id());
		List<DigitResult> digits = loaded.digits();
		Optional<FieldSpec> spec = specs.spec(field.templateId(), field.name());
		FieldKind kind = spec.map(FieldSpec::kind).orElse(FieldKind.NUMBER);
		FieldOnScreen base = new FieldOnScreen(field, kind, digits, loaded.snippet(),
				field.proposal().orElse(field.value()), false, -1, ReasonWords.of(field.reasons(), digits), "");
		shown = new Shown(spec, base);
	}

	/** Lets the field on screen go, if it is still this session's claim and not the one shown next. */
	private void leave() throws StoreException {
		leave(shown == null ? null : shown.field);
		shown = null;
	}

	private void leave(StoredField field) throws StoreException {
		if (field != null) {
			store.releaseField(field.id(), clerk);
		}
	}

	private void count() {
		keystrokes++;
		if (shown != null) {
			shown.keys++;
		}
	}

	private Duration spent() {
		return Duration.ofNanos(System.nanoTime() - shown.since);
	}

	private static int digitsOf(String value) {
		return value.replace(".", "").length();
	}
}
