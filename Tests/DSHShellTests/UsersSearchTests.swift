import Testing

/// `users --search` finds among the same people `users` lists: the portal's active ones.
@Suite struct UsersSearchTests {
  @Test func aSearchLeavesOutADisabledAccountAsTheListingDoes() async throws {
    let shell = try await TestShell.start()
    let listed = await shell.run("users | where email == \"disabled@example.com\" | count")
    #expect(listed.code == 0, "\(shell.capture.stderr)")
    let searched = await shell.run("users --search disabled | count")
    #expect(searched.code == 0, "\(shell.capture.stderr)")
    #expect(shell.capture.stdout == "0\n0\n")
    await shell.stop()
  }

  @Test func aSearchStillFindsAnActivePerson() async throws {
    let shell = try await TestShell.start()
    let searched = await shell.run("users --search roomadmin | get email")
    #expect(searched.code == 0, "\(shell.capture.stderr)")
    #expect(shell.capture.stdout == "roomadmin@example.com\n")
    await shell.stop()
  }
}
