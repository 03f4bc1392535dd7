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

package io.github.blobupload.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Tests for the dependency rules between the starter's packages: no package cycles, a
 * core (API, engine, registry, providers, internal helpers) free of Spring, Spring AI and
 * Micrometer, and dependencies that point one way, from the auto-configuration down to
 * the API.
 */
class ArchitectureTests {

	private static final String ROOT = "io.github.blobupload";

	private static final JavaClasses PRODUCTION = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(ROOT);

	/** Each package is a slice of its own, the root package included. */
	private static final SliceAssignment PACKAGES = new SliceAssignment() {

		@Override
		public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
			return SliceIdentifier.of(javaClass.getPackageName());
		}

		@Override
		public String getDescription() {
			return "every package of " + ROOT;
		}

	};

	@Test
	void importsTheProductionClasses() {
		// Guards the rules below against passing on an empty import.
		org.assertj.core.api.Assertions.assertThat(PRODUCTION.containPackage(ROOT + ".engine")).isTrue();
		org.assertj.core.api.Assertions.assertThat(PRODUCTION.size()).isGreaterThan(50);
	}

	@Test
	void packagesAreFreeOfCycles() {
		slices().assignedFrom(PACKAGES).should().beFreeOfCycles().check(PRODUCTION);
	}

	@Test
	void coreDependsOnNoSpringSpringAiOrMicrometerType() {
		noClasses().that()
			.resideInAnyPackage(ROOT, ROOT + ".engine..", ROOT + ".registry..", ROOT + ".provider..",
					ROOT + ".internal..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "io.micrometer..")
			.because("the API, the engine and the providers are plain Java; "
					+ "only the auto-configuration and the integrations meet Spring")
			.check(PRODUCTION);
	}

	@Test
	void coreDependsOnNoJacksonType() {
		noClasses().that()
			.resideInAnyPackage(ROOT, ROOT + ".engine..", ROOT + ".registry..", ROOT + ".provider..",
					ROOT + ".internal..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("tools.jackson..", "com.fasterxml.jackson..")
			.because("message JSON is the Spring AI integration's, written with the Jackson Spring AI brings")
			.check(PRODUCTION);
	}

	@Test
	void onlyTheOpenAiInterceptorKnowsOkHttpAndTheAiPackageNotIt() {
		noClasses().that()
			.resideOutsideOfPackages(ROOT + ".ai.openai..", ROOT + ".autoconfigure.ai..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("okhttp3..", "okio..", "org.springframework.ai.openai..")
			.because("spring-ai-openai is optional: only its interceptor and the condition guarding it use it")
			.check(PRODUCTION);
		noClasses().that()
			.resideInAPackage(ROOT + ".ai")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(ROOT + ".ai.openai..")
			.because("the OpenAI interceptor depends on the Spring AI integration, never the other way")
			.check(PRODUCTION);
	}

	@Test
	void internalHelpersDependOnNothingAboveThem() {
		classes().that()
			.resideInAPackage(ROOT + ".internal..")
			.should()
			.onlyDependOnClassesThat()
			.resideOutsideOfPackage(ROOT + "..")
			.orShould()
			.onlyDependOnClassesThat()
			.resideInAPackage(ROOT + ".internal..")
			.check(PRODUCTION);
	}

	@Test
	void coreNamesNoConfigurationProperty() throws IOException {
		// Core messages name the builder's setting; the auto-configuration names the
		// property.
		Path root = Path.of("src/main/java/io/github/blobupload");
		List<Path> core = new ArrayList<>();
		try (Stream<Path> files = Files.list(root)) {
			files.filter(Files::isRegularFile).forEach(core::add);
		}
		for (String pkg : List.of("engine", "registry", "provider", "internal")) {
			try (Stream<Path> files = Files.walk(root.resolve(pkg))) {
				files.filter(Files::isRegularFile).forEach(core::add);
			}
		}
		org.assertj.core.api.Assertions.assertThat(core)
			.hasSizeGreaterThan(30)
			// The engine's one JVM system property (read with System.getProperty, not
			// bound by
			// Spring) is in the same family of names, and is not a configuration
			// property.
			.filteredOn((file) -> read(file).replace("\"blob.upload.warm-up\"", "").contains("blob.upload."))
			.as("core sources naming a blob.upload.* property")
			.isEmpty();
	}

	@Test
	void coreAutoConfigurationKnowsNoIntegrationNorItsConfiguration() {
		noClasses().that()
			.resideInAPackage(ROOT + ".autoconfigure")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(ROOT + ".ai..", ROOT + ".actuate..", ROOT + ".observation..", ROOT + ".viewer..",
					ROOT + ".autoconfigure.*..")
			.because("each feature's properties and beans live with its own auto-configuration, "
					+ "which depends on the core one, never the other way")
			.check(PRODUCTION);
	}

	@Test
	void dependenciesPointFromAutoConfigurationDownToTheApi() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("AutoConfiguration")
			.definedBy(ROOT + ".autoconfigure..")
			.layer("Integrations")
			.definedBy(ROOT + ".ai..", ROOT + ".actuate..", ROOT + ".observation..", ROOT + ".viewer..")
			.layer("Registry")
			.definedBy(ROOT + ".registry..")
			.layer("Engine")
			.definedBy(ROOT + ".engine..")
			.layer("Providers")
			.definedBy(ROOT + ".provider..")
			.layer("Api")
			.definedBy(ROOT)
			.layer("Internal")
			.definedBy(ROOT + ".internal..")
			.whereLayer("AutoConfiguration")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("Integrations")
			.mayOnlyBeAccessedByLayers("AutoConfiguration")
			.whereLayer("Registry")
			.mayOnlyBeAccessedByLayers("Integrations", "AutoConfiguration")
			.whereLayer("Engine")
			.mayOnlyBeAccessedByLayers("Registry", "Integrations", "AutoConfiguration")
			.whereLayer("Providers")
			.mayOnlyBeAccessedByLayers("Integrations", "AutoConfiguration")
			.whereLayer("Api")
			.mayOnlyBeAccessedByLayers("Registry", "Engine", "Providers", "Integrations", "AutoConfiguration")
			.check(PRODUCTION);
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
