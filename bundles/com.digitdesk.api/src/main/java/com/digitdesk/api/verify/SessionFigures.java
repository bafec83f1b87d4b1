package com.digitdesk.api.verify;

/**
 * The status bar's counts.
 *
 * @param waiting fields waiting for a clerk in the whole store
 * @param done fields this session decided (undone ones not counted)
 * @param keystrokes keys the clerk typed in this session
 * @param fullKeying the keys typing every decided field in full would have
 *        taken (its digits and Enter)
 * @param fieldsPerHour decided fields per hour since the session opened
 */
public record SessionFigures(int waiting, int done, int keystrokes, int fullKeying, double fieldsPerHour) {
}
