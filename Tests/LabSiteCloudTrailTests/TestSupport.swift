// Every suite of this target uses the shared test helpers.
@_exported import LabSiteTestSupport
