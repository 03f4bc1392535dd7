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
