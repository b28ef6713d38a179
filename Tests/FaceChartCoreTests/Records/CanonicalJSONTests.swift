import FaceChartCore
import Testing

@Suite struct CanonicalJSONTests {
    @Test func theExampleOfRFC8785Section3Point2Point3() throws {
        let input = #"{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001], "#
            + #""string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/", "literals": [null, true, false]}"#
        let output = CanonicalJSON.serialize(try JSONParser.parse(Array(input.utf8)))
        let expected = #"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"#
            + #""string":"€$\u000f\nA'B\"\\\\\"/"}"#
        #expect(String(decoding: output, as: UTF8.self) == expected)
    }

    @Test(arguments: [
        (0.0, "0"), (-0.0, "0"), (4, "4"), (2.5, "2.5"), (0.426829, "0.426829"), (1e20, "100000000000000000000"),
        (1e21, "1e+21"), (1e-6, "0.000001"), (1e-7, "1e-7"), (123.456e-10, "1.23456e-8"), (-1.5, "-1.5"),
        (5e-324, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"), (100, "100"), (0.1, "0.1"),
    ])
    func numbersAreWrittenAsECMAScriptWritesThem(value: Double, text: String) {
        #expect(String(decoding: CanonicalJSON.serialize(.number(value)), as: UTF8.self) == text)
    }

    @Test func membersSortByUTF16CodeUnitsNotByScalars() {
        // U+1F600 is D83D DE00 in UTF-16, which sorts before U+FB33 (FB33) though its scalar is larger.
        let value = JSONValue.object(["\u{FB33}": .number(1), "\u{1F600}": .number(2), "a": .number(3)])
        #expect(String(decoding: CanonicalJSON.serialize(value), as: UTF8.self) == "{\"a\":3,\"\u{1F600}\":2,\"\u{FB33}\":1}")
    }

    @Test func controlCharactersAreEscapedAndNothingElse() {
        let text = "tab\there\u{1}é/\u{7F}"
        #expect(String(decoding: CanonicalJSON.serialize(.string(text)), as: UTF8.self) == "\"tab\\there\\u0001é/\u{7F}\"")
    }

    @Test func sha256IsLowercaseHex() {
        #expect(CanonicalJSON.sha256Hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
