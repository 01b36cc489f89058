import LabSite
import LabSiteCloudTrail
import LabSiteCloudWatch
import LabSiteIAM

/// The data sections of a course site, as `Sources/labsite/CourseSections.swift` wires them.
///
/// Tests that build a whole course use these; the check that `public/` equals a fresh build by the
/// executable keeps the two lists in step.
package let courseSections: [any SiteSection.Type] = [
    CloudWatchSection.self, IAMSection.self, TrailSection.self,
]
