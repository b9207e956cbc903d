public enum Q {}
