"""fedctl's version, shown in reports (SARIF `tool.driver.version`)."""

VERSION = "0.2.0"
