import Testing
@testable import TenderXML

@Suite struct XMLTreeTests {
    @Test func parsesElementsAttributesAndText() throws {
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <r xmlns="urn:a" xmlns:b="urn:b" id="x &amp; y &lt; &#233;">
          <b:c b:k="v">tekst &amp; meer<![CDATA[ <cdata> ]]></b:c>
        </r>
        """
        let tree = try XMLTree.parse(Array(xml.utf8))
        #expect(tree.root.name == "r")
        #expect(tree.root.namespace == "urn:a")
        #expect(tree.root.attribute("id") == "x & y < é")
        let c = try #require(tree.root.element("c", namespace: "urn:b"))
        #expect(c.prefix == "b")
        #expect(c.line == 3)
        #expect(c.attribute("k", namespace: "urn:b") == "v")
        #expect(c.text == "tekst & meer <cdata> ")
    }
}
