package com.digitdesk.api.command;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A subcommand of the {@code digitdesk} launcher, such as {@code status},
 * {@code train} or {@code import}. The bundle that owns a job registers its
 * subcommands as services; the launcher lists and runs whatever is there, and
 * the same commands are offered in the Gogo shell.
 */
@ConsumerType
public interface Subcommand {

	/** The word typed after {@code digitdesk}: lower case, no spaces. */
	String name();

	/** One line for {@code digitdesk --help}. */
	String summary();

	/** Usage text for {@code digitdesk NAME --help}: arguments and options. */
	default String usage() {
		return "usage: digitdesk " + name();
	}

	/**
	 * Runs the command.
	 *
	 * @return the process exit status: 0 for success
	 * @throws Exception for an unexpected failure; the launcher reports it and
	 *         exits non-zero. Expected problems (bad arguments, bad input)
	 *         should be written to {@link CommandContext#err()} with a non-zero
	 *         return instead.
	 */
	int run(CommandContext context) throws Exception;
}
