package io.github.blobupload.benchmarks;

/**
 * Describes the machine a benchmark ran on, for the header of every report.
 */
public final class Machine {

	private Machine() {
	}

	/**
	 * Returns the processor count and the JVM, such as
	 * {@code 2 cores, OpenJDK 64-Bit Server VM 17.0.15}.
	 * @return the description
	 */
	public static String describe() {
		return Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name") + " "
				+ System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
				+ System.getProperty("os.arch");
	}

}
