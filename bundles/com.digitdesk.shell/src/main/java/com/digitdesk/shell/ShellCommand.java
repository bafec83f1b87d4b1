package com.digitdesk.shell;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.digitdesk.api.command.CommandContext;
import com.digitdesk.api.command.Subcommand;

/**
 * {@code digitdesk shell}: an interactive Gogo session on the terminal.
 *
 * <p>The session starts when the launcher runs this command, that is after
 * every bundle has started, so all commands are there at the first prompt.
 * (The workstation runtime tells Gogo's own console not to start:
 * {@code gosh.args=--nointeractive --noshutdown}.) Leaving the shell ends the
 * command, and the launcher then stops the framework.
 */
@Component(service = Subcommand.class, property = "digitdesk.command=shell")
public class ShellCommand implements Subcommand {

	private final CommandProcessor processor;

	@Activate
	public ShellCommand(@Reference CommandProcessor processor) {
		this.processor = processor;
	}

	@Override
	public String summary() {
		return "interactive Gogo shell in the running workstation";
	}

	@Override
	public String usage() {
		return """
				usage: digitdesk shell

				An interactive Gogo shell in the running workstation. Every digitdesk
				command is there too ('digitdesk:commands', 'digitdesk:run status'),
				beside Gogo's own ('help', 'lb', 'scr:list'). Ctrl-D leaves it.""";
	}

	@Override
	public int run(CommandContext context) throws Exception {
		if (!context.arguments().isEmpty()) {
			context.err().println("shell takes no arguments\n" + usage());
			return 2;
		}
		// The terminal itself, as Gogo's own console uses it: inside the framework
		// System.out is Gogo's per-thread stream, which would loop back into the session.
		try (CommandSession session = processor.createSession(new FileInputStream(FileDescriptor.in),
				new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err))) {
			session.execute("gosh --login --noshutdown");
		}
		return 0;
	}
}
