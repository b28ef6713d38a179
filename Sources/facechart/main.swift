print("facechart")
