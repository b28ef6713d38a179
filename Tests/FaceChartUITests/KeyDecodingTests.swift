import Testing
@testable import FaceChartUI

@Suite struct KeyDecodingTests {
    @Test func enterFromCarriageReturnAndLineFeed() {
        #expect(KeyDecoding.key(forCharacter: 13) == .enter)
        #expect(KeyDecoding.key(forCharacter: 10) == .enter)
    }

    @Test func editingKeys() {
        #expect(KeyDecoding.key(forCharacter: 9) == .tab)
        #expect(KeyDecoding.key(forCharacter: 127) == .backspace)
        #expect(KeyDecoding.key(forCharacter: 8) == .backspace)
        #expect(KeyDecoding.key(forCharacter: 27) == .escape)
    }

    @Test func controlLettersAreLowercase() {
        #expect(KeyDecoding.key(forCharacter: 1) == .control("a"))
        #expect(KeyDecoding.key(forCharacter: 3) == .control("c"))
        #expect(KeyDecoding.key(forCharacter: 18) == .control("r"))
        #expect(KeyDecoding.key(forCharacter: 26) == .control("z"))
    }

    @Test func printableCharactersIncludingAccentedAndWide() {
        #expect(KeyDecoding.key(forCharacter: 0x61) == .character("a"))
        #expect(KeyDecoding.key(forCharacter: 0x20) == .character(" "))
        #expect(KeyDecoding.key(forCharacter: 0xE9) == .character("é"))
        #expect(KeyDecoding.key(forCharacter: 0x65E5) == .character("日"))
    }

    @Test func meaninglessCodesAreDropped() {
        #expect(KeyDecoding.key(forCharacter: 0) == nil)
        #expect(KeyDecoding.key(forCharacter: 0x1C) == nil)
        #expect(KeyDecoding.key(forCharacter: 0x85) == nil)
        #expect(KeyDecoding.key(forCharacter: 0xD800) == nil)
    }
}
