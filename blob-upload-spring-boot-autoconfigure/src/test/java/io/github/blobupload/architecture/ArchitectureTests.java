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
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the dependency rules between the starter's packages: no package cycles, a
 * core (API, engine, registry, providers, internal helpers) free of Spring, Spring AI and
 * Micrometer, and, for every package, a rule of its own saying which of the starter's
 * packages it may depend on ({@link #dependencyRules()}), so that dependencies point one
 * way, from the auto-configuration through the integrations down to the API.
 */
class ArchitectureTests {

	private static final String ROOT = "io.github.blobupload";

	/** The public API: {@code Blob}, {@code BlobUploader}, the registry interface. */
	private static final String API = ROOT;

	/** Plain helpers below everything they serve (JSON quoting, rate-limited logs). */
	private static final String INTERNAL = ROOT + ".internal..";

	/** The upload engine: queue, workers, retries, spool. */
	private static final String ENGINE = ROOT + ".engine..";

	/** The registry implementation and its use-case names. */
	private static final String REGISTRY = ROOT + ".registry..";

	/** The storage-provider SPI (not the providers, nor their helpers). */
	private static final String PROVIDER_SPI = ROOT + ".provider";

	/** The providers' own helpers. */
	private static final String PROVIDER_INTERNAL = ROOT + ".provider.internal..";

	/** The Spring AI integration, its sub-packages included. */
	private static final String AI = ROOT + ".ai..";

	/** What an application touches of the Spring AI integration. */
	private static final String AI_API = ROOT + ".ai";

	private static final String AI_OFFLOAD = ROOT + ".ai.offload..";

	private static final String AI_FORMAT = ROOT + ".ai.format..";

	private static final String AI_AUDIO = ROOT + ".ai.audio..";

	private static final String AI_CHAT = ROOT + ".ai.chat..";

	private static final String AI_METRICS = ROOT + ".ai.metrics..";

	private static final String AI_OPENAI = ROOT + ".ai.openai..";

	private static final String ACTUATE = ROOT + ".actuate..";

	/** Retention: marks, refreshes of re-used objects, sweeps. */
	private static final String RETENTION = ROOT + ".retention..";

	private static final String OBSERVATION = ROOT + ".observation..";

	private static final String VIEWER = ROOT + ".viewer..";

	/** The export guard's API. */
	private static final String EXPORT_API = ROOT + ".export";

	private static final String EXPORT_MEDIA = ROOT + ".export.media..";

	private static final String EXPORT_TRACING = ROOT + ".export.tracing..";

	private static final String EXPORT_METRICS = ROOT + ".export.metrics..";

	/** The export guard on the OpenTelemetry SDK: exporter wrappers. */
	private static final String EXPORT_OTEL = ROOT + ".export.otel..";

	/** Erasure's API and the reference index's layout. */
	private static final String ERASURE = ROOT + ".erasure";

	private static final String ERASURE_INDEX = ROOT + ".erasure.index..";

	private static final String ERASURE_STORE = ROOT + ".erasure.store..";

	private static final String AUTOCONFIGURE = ROOT + ".autoconfigure";

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

	/**
	 * What each package of the starter may depend on within the starter, besides itself
	 * (anything outside the starter is left to the other rules). An integration may use
	 * the API, the registry and the internal helpers, plus what its rule lists; nothing
	 * of another integration unless listed. A new package adds its rule here
	 * ({@link #everyPackageHasADependencyRule()} fails until it does).
	 * @return the rules
	 */
	static List<DependencyRule> dependencyRules() {
		List<DependencyRule> rules = new ArrayList<>();
		// The core: plain Java, dependencies pointing down to the API.
		rules.add(rule("the API", API).mayUse(INTERNAL)
			.because("the API is what users and integrations program against; "
					+ "the engine, the registry and the providers implement it"));
		rules.add(rule("the internal helpers", INTERNAL).because("internal sits below everything it serves"));
		rules.add(rule("the engine", ENGINE).mayUse(API, INTERNAL));
		rules.add(rule("the registry", REGISTRY).mayUse(API, ENGINE, INTERNAL));
		rules.add(rule("the provider SPI", PROVIDER_SPI).mayUse(API, INTERNAL));
		rules.add(rule("the providers' helpers", PROVIDER_INTERNAL).mayUse(API, PROVIDER_SPI, INTERNAL));
		for (String provider : List.of("file", "s3", "gcs", "azure")) {
			rules.add(rule("the " + provider + ": provider", ROOT + ".provider." + provider + "..")
				.mayUse(API, PROVIDER_SPI, PROVIDER_INTERNAL, INTERNAL)
				.because("each provider stands alone: it never uses another provider"));
		}
		// The integrations: the API, the registry and the internal helpers, plus what is
		// listed; another integration only if listed.
		rules.add(rule("the Spring AI integration's API", AI_API).mayUse(API, REGISTRY, INTERNAL)
			.because("the types an application touches depend on no implementation below them"));
		rules.add(rule("the offload core", AI_OFFLOAD).mayUse(API, REGISTRY, INTERNAL, AI_API));
		rules.add(rule("the recorded formats", AI_FORMAT).mayUse(API, REGISTRY, INTERNAL, AI_API, AI_OFFLOAD));
		rules.add(rule("the audio models", AI_AUDIO).mayUse(API, REGISTRY, INTERNAL, AI_API, AI_OFFLOAD));
		rules.add(rule("the chat hooks", AI_CHAT).mayUse(API, REGISTRY, INTERNAL, AI_API, AI_OFFLOAD, AI_FORMAT,
				AI_AUDIO));
		rules.add(rule("the AI meters", AI_METRICS).mayUse(API, REGISTRY, INTERNAL, AI_API, AI_OFFLOAD, AI_FORMAT));
		rules.add(rule("the OpenAI interceptor", AI_OPENAI).mayUse(API, REGISTRY, INTERNAL, AI_API, AI_AUDIO)
			.because("the optional OpenAI interceptor plugs into the audio models, never the other way"));
		rules.add(rule("retention", RETENTION).mayUse(API, PROVIDER_SPI, INTERNAL)
			.because("retention reaches each store through the SPI's RetentionSupport"));
		rules.add(rule("the health indicator and metrics", ACTUATE).mayUse(API, REGISTRY, INTERNAL, RETENTION, ERASURE)
			.because("health and metrics read destinations through the API, so a user's own registry keeps them"));
		rules.add(rule("the upload observations", OBSERVATION).mayUse(API, REGISTRY, INTERNAL, PROVIDER_SPI)
			.because("observations wrap the providers' uploaders through the SPI's decorator"));
		rules.add(rule("the viewer", VIEWER).mayUse(API, INTERNAL)
			.because("the viewer reaches storage only through the API (BlobReader, BlobLinks); "
					+ "its auto-configuration builds the trace index's engine"));
		rules.add(rule("the export guard's API", EXPORT_API).mayUse(API)
			.because("every export path (Spring Boot's, the OpenTelemetry starter's, a hand-built SDK) adapts to it"));
		rules.add(rule("the export guard that stores media", EXPORT_MEDIA)
			.mayUse(API, INTERNAL, EXPORT_API, AI_API, AI_OFFLOAD)
			.because("media at export goes through the Spring AI hooks' offloader: one engine, one set of rules"));
		rules.add(rule("the export guard's span filter", EXPORT_TRACING).mayUse(API, INTERNAL, EXPORT_API, EXPORT_OTEL)
			.because("the Micrometer bridge's spans are OpenTelemetry spans: the filter rewrites them with the "
					+ "SDK path's SpanGuard, whatever guard is configured"));
		rules.add(rule("the export guard's meters", EXPORT_METRICS).mayUse(EXPORT_API));
		rules.add(rule("the export guard on the OpenTelemetry SDK", EXPORT_OTEL).mayUse(API, INTERNAL, EXPORT_API)
			.because(
					"the SDK's exporter wrappers adapt spans and log records to the guard's API, never to its engine"));
		rules.add(rule("erasure's API", ERASURE).mayUse(API, INTERNAL)
			.because("the owner hook, selectors, receipts and the index layout depend on no implementation"));
		rules.add(rule("the reference index writer", ERASURE_INDEX).mayUse(API, INTERNAL, ERASURE)
			.because("its auto-configuration builds the index's engines, as the viewer's"));
		rules.add(rule("erasure against the stores", ERASURE_STORE).mayUse(API, INTERNAL, ERASURE)
			.because("it reaches storage only through the API's BlobReader and BlobDeleter"));
		// The auto-configuration: the core one knows no integration; each feature's
		// wires its own.
		rules.add(rule("the core auto-configuration", AUTOCONFIGURE)
			.mayUse(API, ENGINE, REGISTRY, PROVIDER_SPI, ROOT + ".provider.file", INTERNAL, RETENTION)
			.because("each feature's properties and beans live with its own auto-configuration, "
					+ "which depends on the core one, never the other way"));
		rules.add(rule("the storage auto-configuration", AUTOCONFIGURE + ".storage..").mayUse(AUTOCONFIGURE, API,
				ROOT + ".provider..", INTERNAL));
		rules.add(rule("the Spring AI auto-configuration", AUTOCONFIGURE + ".ai..")
			.mayUse(AUTOCONFIGURE, API, REGISTRY, INTERNAL, AI, AUTOCONFIGURE + ".viewer")
			.because("it wires the Spring AI integration, and reads the viewer's bound properties for its links"));
		rules.add(rule("the actuator auto-configuration", AUTOCONFIGURE + ".actuate..").mayUse(AUTOCONFIGURE, API,
				REGISTRY, INTERNAL, ACTUATE, OBSERVATION, RETENTION));
		rules.add(rule("the export guard's auto-configuration", AUTOCONFIGURE + ".export..")
			.mayUse(AUTOCONFIGURE, API, INTERNAL, EXPORT_API, EXPORT_MEDIA, EXPORT_TRACING, EXPORT_METRICS, EXPORT_OTEL,
					AI_API, AI_OFFLOAD, AUTOCONFIGURE + ".ai")
			.because(
					"it builds the guard on the Spring AI hooks' offloader, or on one of the same blob.upload.ai settings"));
		rules.add(rule("erasure's auto-configuration", AUTOCONFIGURE + ".erasure..")
			.mayUse(AUTOCONFIGURE, API, REGISTRY, INTERNAL, ENGINE, PROVIDER_SPI, RETENTION, VIEWER, ACTUATE, AI,
					ERASURE, ERASURE_INDEX, ERASURE_STORE, AUTOCONFIGURE + ".viewer", AUTOCONFIGURE + ".ai")
			.because("it wires the index, the erasure and the memos of every feature that remembers stored content"));
		rules.add(rule("the viewer auto-configuration", AUTOCONFIGURE + ".viewer..").mayUse(AUTOCONFIGURE, API,
				REGISTRY, INTERNAL, VIEWER, ENGINE, PROVIDER_SPI, AI_API));
		return rules;
	}

	@Test
	void importsTheProductionClasses() {
		// Guards the rules below against passing on an empty import.
		assertThat(PRODUCTION.containPackage(ROOT + ".engine")).isTrue();
		assertThat(PRODUCTION.size()).isGreaterThan(50);
	}

	@Test
	void packagesAreFreeOfCycles() {
		slices().assignedFrom(PACKAGES).should().beFreeOfCycles().check(PRODUCTION);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dependencyRules")
	void eachPackageDependsOnlyOnWhatItsRuleAllows(DependencyRule rule) {
		rule.toArchRule().check(PRODUCTION);
	}

	@Test
	void everyPackageHasADependencyRule() {
		Set<String> ungoverned = new TreeSet<>();
		for (JavaClass javaClass : PRODUCTION) {
			if (dependencyRules().stream().noneMatch((rule) -> rule.governs(javaClass.getPackageName()))) {
				ungoverned.add(javaClass.getPackageName());
			}
		}
		assertThat(ungoverned).as("packages without a rule in dependencyRules()").isEmpty();
	}

	@Test
	void providerHelpersServeOnlyProvidersAndTheStorageAutoConfiguration() {
		noClasses().that()
			.resideOutsideOfPackages(ROOT + ".provider..", AUTOCONFIGURE + ".storage..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(PROVIDER_INTERNAL)
			.because("provider.internal is no API: what others need of it is offered by the API or the SPI")
			.check(PRODUCTION);
	}

	@Test
	void viewerUsesTheServletApiAndNoSpring() {
		classes().that()
			.resideInAPackage(VIEWER)
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "jakarta.servlet..", "org.slf4j..", "org.jspecify..", API, INTERNAL, VIEWER)
			.because("the viewer is a plain servlet; only its auto-configuration meets Spring")
			.check(PRODUCTION);
	}

	@Test
	void coreDependsOnNoSpringSpringAiOrMicrometerType() {
		noClasses().that()
			.resideInAnyPackage(API, ENGINE, REGISTRY, ROOT + ".provider..", INTERNAL)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "io.micrometer..")
			.because("the API, the engine and the providers are plain Java; "
					+ "only the auto-configuration and the integrations meet Spring")
			.check(PRODUCTION);
	}

	@Test
	void exportApiDependsOnNoSpringMicrometerOrOpenTelemetryType() {
		noClasses().that()
			.resideInAPackage(EXPORT_API)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "io.micrometer..", "io.opentelemetry..")
			.because("the guard's API is plain Java, so that every export path adapts to it")
			.check(PRODUCTION);
	}

	@Test
	void coreDependsOnNoJacksonType() {
		noClasses().that()
			.resideInAnyPackage(API, ENGINE, REGISTRY, ROOT + ".provider..", INTERNAL)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("tools.jackson..", "com.fasterxml.jackson..")
			.because("message JSON is the Spring AI integration's, written with the Jackson Spring AI brings")
			.check(PRODUCTION);
	}

	@Test
	void onlyTheOpenAiInterceptorKnowsOkHttp() {
		noClasses().that()
			.resideOutsideOfPackages(AI_OPENAI, AUTOCONFIGURE + ".ai..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("okhttp3..", "okio..", "org.springframework.ai.openai..")
			.because("spring-ai-openai is optional: only its interceptor and the condition guarding it use it")
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
		assertThat(core).hasSizeGreaterThan(30)
			// The engine's one JVM system property (read with System.getProperty, not
			// bound by Spring) is in the same family of names, and is not a
			// configuration property.
			.filteredOn((file) -> read(file).replace("\"blob.upload.warm-up\"", "").contains("blob.upload."))
			.as("core sources naming a blob.upload.* property")
			.isEmpty();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static DependencyRule rule(String name, String packages) {
		return new DependencyRule(name, packages, List.of(), "");
	}

	/**
	 * What the classes of some packages may depend on within the starter.
	 *
	 * @param name what the packages are, for the test's name
	 * @param packages the packages governed, as an ArchUnit package identifier
	 * @param mayUse the starter's packages they may use besides their own
	 * @param because why, for the failure's message; empty for none
	 */
	record DependencyRule(String name, String packages, List<String> mayUse, String because) {

		DependencyRule mayUse(String... packages) {
			return new DependencyRule(this.name, this.packages, List.of(packages), this.because);
		}

		DependencyRule because(String reason) {
			return new DependencyRule(this.name, this.packages, this.mayUse, reason);
		}

		boolean governs(String packageName) {
			return PackageMatcher.of(this.packages).matches(packageName);
		}

		ArchRule toArchRule() {
			List<String> allowed = new ArrayList<>(this.mayUse);
			allowed.add(this.packages);
			ArchRule rule = classes().that()
				.resideInAPackage(this.packages)
				.should()
				.onlyDependOnClassesThat(
						resideOutsideOfPackage(ROOT + "..").or(resideInAnyPackage(allowed.toArray(String[]::new))))
				.as(this.name + " (" + this.packages + ") may use, within the starter, only " + allowed);
			return this.because.isEmpty() ? rule : rule.because(this.because);
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
