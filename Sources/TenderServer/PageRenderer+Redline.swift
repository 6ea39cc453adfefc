import TenderDocument

extension PageRenderer {
    /// The links to the document with changes (`GET /r/{id}/wijzigingen`): a Word document or
    /// OpenDocument text with a comment per finding and the model articles as tracked changes, or
    /// for text and Markdown a corrected copy and a diff. Empty when the upload is not kept.
    func redlineDownloads(id: String, entry: ResultStore.Entry) -> String {
        guard let format = entry.source?.document.format else { return "" }
        let en = language == .en
        let query = en ? "?lang=en" : ""
        var links: [(String, String)] = []
        switch format {
        case .docx: links = [(en ? "Download as Word document with changes" : "Download als Word-document met wijzigingen", "wijzigingen")]
        case .odt, .fodt: links = [(en ? "Download as OpenDocument text with changes" : "Download als OpenDocument-tekst met wijzigingen", "wijzigingen")]
        case .text, .markdown:
            links = [(en ? "Download the corrected copy" : "Download de verbeterde kopie", "wijzigingen"),
                     (en ? "Download the changes as a diff" : "Download de wijzigingen als diff", "wijzigingen.diff")]
        default: return ""
        }
        var out = "<p class=\"downloads redline\">"
        for (label, file) in links { out += "<a class=\"button\" href=\"/r/\(id)/\(file)\(query)\" download>\(label)</a>" }
        return out + "</p>\n"
    }
}
