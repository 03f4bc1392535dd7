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

package io.github.blobupload.ai.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The GenAI JSON schemas published with the OpenTelemetry semantic conventions (copied
 * into {@code src/test/resources/genai-schemas/}, see the README there), for validating
 * the message attributes the starter writes.
 */
public final class GenAiSchemas {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final SchemaRegistry REGISTRY = SchemaRegistry
		.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	/** {@code gen_ai.input.messages}. */
	public static final GenAiSchemas INPUT_MESSAGES = new GenAiSchemas("gen-ai-input-messages.json");

	/** {@code gen_ai.output.messages}. */
	public static final GenAiSchemas OUTPUT_MESSAGES = new GenAiSchemas("gen-ai-output-messages.json");

	/** {@code gen_ai.system_instructions}. */
	public static final GenAiSchemas SYSTEM_INSTRUCTIONS = new GenAiSchemas("gen-ai-system-instructions.json");

	private final JsonNode document;

	private GenAiSchemas(String file) {
		try (InputStream in = GenAiSchemas.class.getResourceAsStream("/genai-schemas/" + file)) {
			this.document = MAPPER.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Validates an attribute value against the whole schema.
	 * @param json the attribute value
	 * @return the errors, empty when valid
	 */
	public List<String> validate(String json) {
		return messages(REGISTRY.getSchema(this.document).validate(MAPPER.readTree(json)));
	}

	/**
	 * Validates one part against the schema's own definition of that part type
	 * ({@code #/$defs/UriPart}, ...). The attribute schemas accept any object with a
	 * {@code type} as a {@code GenericPart}, so only this catches a part that misses a
	 * field its type requires.
	 * @param definition the definition's name, for example {@code TextPart}
	 * @param part the part as JSON
	 * @return the errors, empty when valid
	 */
	public List<String> validatePart(String definition, JsonNode part) {
		ObjectNode schema = MAPPER.createObjectNode();
		schema.set("$defs", this.document.get("$defs"));
		schema.put("$ref", "#/$defs/" + definition);
		return messages(REGISTRY.getSchema(schema).validate(part));
	}

	/**
	 * Reads JSON text.
	 * @param json the text
	 * @return the tree
	 */
	public static JsonNode read(String json) {
		return MAPPER.readTree(json);
	}

	private static List<String> messages(List<Error> errors) {
		return errors.stream().map(Error::toString).toList();
	}

}
