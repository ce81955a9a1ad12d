package com.partnerline;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** The module map holds: no cycles, no module reaching into another's internals. */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(PartnerlineApplication.class);

	@Test
	void verifiesModuleStructure() {
		MODULES.verify();
	}

	@Test
	void writesModuleDocumentation() {
		String folder = "target/modulith-docs";
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder)).writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		assertThat(Path.of(folder, "components.puml")).isNotEmptyFile();
	}

}
