import LabSite
import LabSiteCloudTrail
import LabSiteCloudWatch
import LabSiteIAM

/// The data sections a course site has, in the order their pages follow the lab pages.
///
/// The core knows no section; this list is the one place that wires them in, for every command.
let courseSections: [any SiteSection.Type] = [
    CloudWatchSection.self, IAMSection.self, TrailSection.self,
]
