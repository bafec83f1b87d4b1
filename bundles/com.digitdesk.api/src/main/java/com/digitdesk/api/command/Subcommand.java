package com.digitdesk.api.command;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A subcommand of the {@code digitdesk} launcher, such as {@code status},
 * {@code train} or {@code import}. The bundle that owns a job registers its
 * subcommands as services, each with its word in the service property
 * {@value #NAME}; the launcher lists and runs whatever is there, and the
 * same commands are offered in the Gogo shell.
 *
 * <pre>
 * &#64;Component(service = Subcommand.class, property = "digitdesk.command=import")
 * </pre>
 */
@ConsumerType
public interface Subcommand {

	/**
	 * Service property holding the word typed after {@code digitdesk}: lower
	 * case, no spaces. A command without it is not offered.
	 */
	String NAME = "digitdesk.command";

	/** One line for {@code digitdesk --help}. */
	String summary();

	/** Usage text for {@code digitdesk NAME --help}: arguments and options. */
	String usage();

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
