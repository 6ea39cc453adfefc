import TenderLint

/// The part of the SARIF 2.1.0 object model that `SARIFReporter` writes (the log and run objects
/// themselves it writes member by member, as the run goes). Optional fields are left
/// out when nil; names follow the schema (`shared/schemas/sarif-2.1.0.json`).
enum SARIF {
    struct RunProperties: Encodable {
        /// Baseline entries that no longer match a finding.
        var staleBaseline: [BaselineEntry]
    }

    struct Tool: Encodable {
        var driver: Driver
    }

    struct Driver: Encodable {
        var name: String
        var version: String
        var semanticVersion: String
        /// The language of messages and rule texts (`nl` or `en`).
        var language: String
        var rules: [ReportingDescriptor]
    }

    struct Message: Encodable {
        var text: String
    }

    struct MultiformatMessage: Encodable {
        var text: String
        var markdown: String?
    }

    struct ReportingDescriptor: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message?
        var help: MultiformatMessage?
        var helpUri: String?
        var defaultConfiguration: Configuration
        var properties: DescriptorProperties
    }

    struct Configuration: Encodable {
        var level: String
    }

    struct DescriptorProperties: Encodable {
        var tags: [String]
        var topic: String
        var category: String
        var domains: [String]
        var basis: [String]
        var verified: Bool?
        var model: String?

        init(tags: [String], topic: String, category: String, domains: [String], basis: [String], verified: Bool?, model: String?) {
            var unique: [String] = []
            for t in tags where !unique.contains(t) { unique.append(t) }
            self.tags = unique
            self.topic = topic
            self.category = category
            self.domains = domains
            self.basis = basis
            self.verified = verified
            self.model = model
        }
    }

    struct Invocation: Encodable {
        var executionSuccessful: Bool
        var toolExecutionNotifications: [Notification]
    }

    struct Notification: Encodable {
        var level: String
        var message: Message
    }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
        var partialFingerprints: [String: String]
        var suppressions: [Suppression]?
        var properties: ResultProperties
    }

    struct Location: Encodable {
        var physicalLocation: PhysicalLocation
        var logicalLocations: [LogicalLocation]?
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    struct ArtifactLocation: Encodable {
        var uri: String
    }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int?
        var endLine: Int?
        var endColumn: Int?
    }

    struct LogicalLocation: Encodable {
        var name: String
        var fullyQualifiedName: String
        var kind: String
    }

    struct Suppression: Encodable {
        /// `inSource` or `external`.
        var kind: String
        var status: String
        var justification: String
    }

    struct ResultProperties: Encodable {
        /// The position in the document's own terms (line, paragraph, XML path or page).
        var location: JSONReport.Location
        var clause: String?
        var headingPath: [String]
        var match: String
        /// Where the exception is written down: `document`, `comment`, `configuration`, `baseline`.
        var suppressionSource: String?
        var model: String?
        var hoursPerYear: Double
        var eurosPerYear: Double
        /// For a rule that holds for a period: the period, and which day's law applied and why.
        var period: JSONReport.Period?
        var judgedBy: String?
    }
}
