// Each benchmark lives in its own file and prints its own figures.
try LotRecallBenchmark.run()
