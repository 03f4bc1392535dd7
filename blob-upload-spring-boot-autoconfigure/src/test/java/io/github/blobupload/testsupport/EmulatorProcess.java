/*
 * Copyright 2026 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.blobupload.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An emulator run as a child process on a free loopback port, stopped with the JVM.
 */
public final class EmulatorProcess implements AutoCloseable {

	private final String name;

	private final Process process;

	private final int port;

	private final Path log;

	private EmulatorProcess(String name, Process process, int port, Path log) {
		this.name = name;
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts a process and waits until it accepts connections on the port.
	 * @param name the emulator's name, for messages and the log file
	 * @param command the command line
	 * @param port the port it listens on
	 * @param startTimeout how long to wait
	 * @return the running process
	 */
	public static EmulatorProcess start(String name, List<String> command, int port, Duration startTimeout) {
		try {
			Path logDir = Path.of("target", "emulator-logs");
			Files.createDirectories(logDir);
			Path log = logDir.resolve(name + "-" + port + ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.directory(new File("target"))
				.start();
			EmulatorProcess emulator = new EmulatorProcess(name, process, port, log);
			Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
			emulator.awaitListening(startTimeout);
			return emulator;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + name + ": " + command, ex);
		}
	}

	/**
	 * Returns a port nobody listens on at the moment.
	 * @return a free loopback port
	 */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitListening(Duration timeout) throws IOException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						this.name + " exited with " + this.process.exitValue() + ":\n" + Files.readString(this.log));
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
				return;
			}
			catch (IOException notYet) {
				try {
					// Polling a port: there is no event to wait for.
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("interrupted", ex);
				}
			}
		}
		close();
		throw new IllegalStateException(this.name + " did not listen on port " + this.port + " within " + timeout
				+ ":\n" + Files.readString(this.log));
	}

	/**
	 * Returns the port.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/** Stops the process and waits for it to exit. */
	@Override
	public void close() {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.descendants().forEach(ProcessHandle::destroy);
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Kills the process at once, as a crash would, and waits for it to exit: open
	 * connections are cut, no graceful shutdown.
	 */
	public void kill() {
		this.process.descendants().forEach(ProcessHandle::destroyForcibly);
		this.process.destroyForcibly();
		try {
			this.process.waitFor(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Returns whether the process still runs.
	 * @return whether it is alive
	 */
	public boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Returns the property value, failing with a hint when the build did not set it.
	 * @param name the system property set by the failsafe configuration
	 * @return the value
	 */
	static String requiredProperty(String name) {
		String value = System.getProperty(name);
		if (value == null) {
			throw new IllegalStateException("System property " + name
					+ " is not set: run the integration tests with ./mvnw verify, which installs the emulators");
		}
		return value;
	}

}
