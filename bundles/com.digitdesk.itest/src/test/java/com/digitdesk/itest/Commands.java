package com.digitdesk.itest;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.command.Subcommand;

/** The runtime's launcher commands, found by their {@value Subcommand#NAME} property as the launcher finds them. */
final class Commands {

	private static final long WAIT_MILLIS = 20_000;

	private Commands() {
	}

	/** The command called {@code name}, waiting while its bundle starts. */
	static Subcommand named(String name) throws InterruptedException {
		BundleContext context = FrameworkUtil.getBundle(Commands.class).getBundleContext();
		long deadline = System.currentTimeMillis() + WAIT_MILLIS;
		while (true) {
			Collection<ServiceReference<Subcommand>> found;
			try {
				found = context.getServiceReferences(Subcommand.class, "(" + Subcommand.NAME + "=" + name + ")");
			} catch (InvalidSyntaxException e) {
				throw new IllegalArgumentException("not a command name: " + name, e);
			}
			for (ServiceReference<Subcommand> reference : found) {
				Subcommand command = context.getService(reference);
				if (command != null) {
					return command;
				}
			}
			if (System.currentTimeMillis() > deadline) {
				throw new AssertionError("no command " + name + " within " + WAIT_MILLIS + " ms");
			}
			Thread.sleep(50);
		}
	}

	/** Runs the command called {@code name} as the launcher would; its output goes to {@code out}. */
	static int run(ByteArrayOutputStream out, String name, String... arguments) throws Exception {
		return run(out, System.err, name, arguments);
	}

	static int run(ByteArrayOutputStream out, PrintStream err, String name, String... arguments) throws Exception {
		return named(name).run(new CommandContext(List.of(arguments), new PrintStream(out, true, StandardCharsets.UTF_8),
				err, Path.of("").toAbsolutePath(), false));
	}
}
